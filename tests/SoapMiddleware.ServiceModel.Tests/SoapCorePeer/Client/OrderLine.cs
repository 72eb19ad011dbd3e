using System.Xml.Serialization;

namespace SoapMiddleware.ServiceModel.Tests.SoapCorePeer.Client;

/// <summary>complexType tns:OrderLine as svcutil generates it from SoapCore's WSDL.</summary>
[XmlType(Namespace = CalculatorNamespace.Value)]
public sealed class OrderLine
{
    /// <summary>Sku: xsd:string [0..1].</summary>
    [XmlElement(Order = 0)]
    public string? Sku { get; set; }

    /// <summary>Quantity: xsd:int [1..1].</summary>
    [XmlElement(Order = 1)]
    public int Quantity { get; set; }

    /// <summary>Price: xsd:decimal [1..1].</summary>
    [XmlElement(Order = 2)]
    public decimal Price { get; set; }
}
