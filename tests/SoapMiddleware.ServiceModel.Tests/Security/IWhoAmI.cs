using System.ServiceModel;

namespace SoapMiddleware.ServiceModel.Tests.Security;

/// <summary>A WCF contract whose one operation answers with the name of the user the server authenticated.</summary>
[ServiceContract(Namespace = "http://tests.example.com/whoami")]
public interface IWhoAmI
{
    [OperationContract]
    string WhoAmI(int number);
}
