using System.ServiceModel;

namespace SoapMiddleware.Bench.SoapCore;

/// <summary>
/// Issue 10's calculator as a WCF contract, as SoapCore hosts it in the <c>soapcore</c> mode: the sample app's
/// <c>/Calculator.svc</c> twin (same name, namespace, operations and default actions
/// <c>http://example.com/calculator/CalculatorService/{Operation}</c>), so one request body is valid for both.
/// </summary>
/// <remarks>
/// A copy rather than the sample app's type: the bench measures SoapCore in its XmlSerializer mode, which wants plain
/// XmlSerializer classes (<see cref="WcfOrder"/>) whatever attributes the sample's twin chose for its own types.
/// </remarks>
[ServiceContract(Name = "CalculatorService", Namespace = "http://example.com/calculator")]
[XmlSerializerFormat]
public interface IWcfCalculator
{
    /// <summary>Returns its argument.</summary>
    [OperationContract]
    string Echo(string text);

    /// <summary>Adds two integers, wrapping on overflow.</summary>
    [OperationContract]
    int Add(int a, int b);

    /// <summary>The reference service's deterministic order.</summary>
    [OperationContract]
    WcfOrder GetOrder(int id, int lines);
}
