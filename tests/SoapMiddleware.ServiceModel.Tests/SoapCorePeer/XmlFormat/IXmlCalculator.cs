using System.ServiceModel;

namespace SoapMiddleware.ServiceModel.Tests.SoapCorePeer.XmlFormat;

/// <summary>
/// The calculator as a SoapCore user with XmlSerializer types writes it: <c>[XmlSerializerFormat]</c> and plain classes,
/// hosted by SoapCore in its XmlSerializer mode (the mode the benchmark measures) and by <c>MapRpc</c>.
/// </summary>
[ServiceContract(Name = "CalculatorService", Namespace = CalculatorNamespace.Value)]
[XmlSerializerFormat]
public interface IXmlCalculator
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
}
