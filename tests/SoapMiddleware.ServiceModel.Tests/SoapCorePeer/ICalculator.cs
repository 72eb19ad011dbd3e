using System.ServiceModel;

namespace SoapMiddleware.ServiceModel.Tests.SoapCorePeer;

/// <summary>
/// The sample app's WCF-contract calculator (issue 10), copied here so the peer tests own the exact contract both hosts
/// serve: SoapCore through <c>UseSoapEndpoint</c> and our pipeline through <c>MapRpc</c>.
/// </summary>
/// <remarks>
/// <see cref="XmlSerializerFormatAttribute"/> because the types are plain XmlSerializer classes, which is what SoapCore's
/// <c>SoapSerializer.XmlSerializer</c> mode (its usual mode, and the one the benchmark measures) expects: with it every
/// member element is qualified by the service namespace, as our type model writes them.
/// </remarks>
[ServiceContract(Name = "CalculatorService", Namespace = CalculatorNamespace.Value)]
[XmlSerializerFormat]
public interface ICalculator
{
    /// <summary>Returns its argument.</summary>
    [OperationContract]
    string Echo(string text);

    /// <summary>Adds two integers, wrapping on overflow.</summary>
    [OperationContract]
    int Add(int a, int b);

    /// <summary>A deterministic order with <paramref name="lines"/> lines.</summary>
    [OperationContract]
    Order GetOrder(int id, int lines);

    /// <summary>Integer division; a zero divisor is a Client fault "Division by zero".</summary>
    [OperationContract]
    int Divide(int a, int b);
}
