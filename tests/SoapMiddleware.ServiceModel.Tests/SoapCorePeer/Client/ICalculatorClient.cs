using System.ServiceModel;

namespace SoapMiddleware.ServiceModel.Tests.SoapCorePeer.Client;

/// <summary>
/// The client contract as <c>dotnet-svcutil</c> generates it from SoapCore's WSDL for <see cref="SoapCorePeer.ICalculator"/>:
/// explicit actions taken from the binding's soapActions, <c>ReplyAction = "*"</c>, XmlSerializer with faults, and its
/// own copies of the types. Written against SoapCore's WSDL on purpose: a client that already talks to a SoapCore
/// endpoint must keep working when the service moves to <c>MapRpc</c>.
/// </summary>
[ServiceContract(Namespace = CalculatorNamespace.Value, Name = "CalculatorService", ConfigurationName = "CalculatorService")]
public interface ICalculatorClient
{
    /// <summary>wsdl:operation Echo.</summary>
    [OperationContract(Action = CalculatorNamespace.Value + "/CalculatorService/Echo", ReplyAction = "*")]
    [XmlSerializerFormat(SupportFaults = true)]
    string Echo(string text);

    /// <summary>wsdl:operation Add.</summary>
    [OperationContract(Action = CalculatorNamespace.Value + "/CalculatorService/Add", ReplyAction = "*")]
    [XmlSerializerFormat(SupportFaults = true)]
    int Add(int a, int b);

    /// <summary>wsdl:operation GetOrder.</summary>
    [OperationContract(Action = CalculatorNamespace.Value + "/CalculatorService/GetOrder", ReplyAction = "*")]
    [XmlSerializerFormat(SupportFaults = true)]
    Order GetOrder(int id, int lines);

    /// <summary>wsdl:operation Divide (SoapCore's WSDL declares no fault for it).</summary>
    [OperationContract(Action = CalculatorNamespace.Value + "/CalculatorService/Divide", ReplyAction = "*")]
    [XmlSerializerFormat(SupportFaults = true)]
    int Divide(int a, int b);
}
