using System.ServiceModel;

namespace SoapMiddleware.ServiceModel.Tests.Security;

/// <summary>A WCF contract that answers with the name of the user the server authenticated, or refuses with a fault.</summary>
[ServiceContract(Namespace = "http://tests.example.com/whoami")]
public interface IWhoAmI
{
    [OperationContract]
    string WhoAmI(int number);

    /// <summary>Always refuses with a plain fault: an application fault after the token was accepted.</summary>
    [OperationContract]
    string Refuse(int number);
}
