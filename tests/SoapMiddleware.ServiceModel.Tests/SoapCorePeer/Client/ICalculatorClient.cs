using System.ServiceModel;

namespace SoapMiddleware.ServiceModel.Tests.SoapCorePeer.Client;

/// <summary>
/// The client contract as <c>dotnet-svcutil</c> generates it from SoapCore's WSDL for <see cref="SampleApp.Wcf.ICalculator"/>:
/// explicit actions taken from the binding's soapActions, <c>ReplyAction</c> from the portType's <c>wsam:Action</c>, the
/// declared fault with its action, and its own copies of the data contracts. Written against SoapCore's WSDL on purpose:
/// a client that already talks to a SoapCore endpoint must keep working when the service moves to <c>MapRpc</c>.
/// </summary>
[ServiceContract(Namespace = CalculatorNamespace.Value, Name = "CalculatorService", ConfigurationName = "CalculatorService")]
public interface ICalculatorClient
{
    /// <summary>wsdl:operation Echo.</summary>
    [OperationContract(Action = Actions + "Echo", ReplyAction = Actions + "EchoResponse")]
    string Echo(string text);

    /// <summary>wsdl:operation Add.</summary>
    [OperationContract(Action = Actions + "Add", ReplyAction = Actions + "AddResponse")]
    int Add(int a, int b);

    /// <summary>wsdl:operation GetOrder.</summary>
    [OperationContract(Action = Actions + "GetOrder", ReplyAction = Actions + "GetOrderResponse")]
    Order GetOrder(int id, int lines);

    /// <summary>wsdl:operation Divide, with the wsdl:fault DivisionFaultFault SoapCore declares.</summary>
    [OperationContract(Action = Actions + "Divide", ReplyAction = Actions + "DivideResponse")]
    [FaultContract(typeof(DivisionFault), Action = Actions + "DivideDivisionFaultFault", Name = "DivisionFault")]
    int Divide(int a, int b);

    private const string Actions = CalculatorNamespace.Value + "/CalculatorService/";
}
