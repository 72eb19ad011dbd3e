using System.Xml.Serialization;

namespace SoapMiddleware.ServiceModel.Tests.SoapCorePeer.Client;

/// <summary>complexType tns:Order as svcutil generates it from SoapCore's WSDL (sequence order kept by <c>Order</c>).</summary>
[XmlType(Namespace = CalculatorNamespace.Value)]
public sealed class Order
{
    /// <summary>Id: xsd:int [1..1].</summary>
    [XmlElement(Order = 0)]
    public int Id { get; set; }

    /// <summary>Customer: xsd:string [0..1].</summary>
    [XmlElement(Order = 1)]
    public string? Customer { get; set; }

    /// <summary>CreatedAt: xsd:dateTime [1..1].</summary>
    [XmlElement(Order = 2)]
    public DateTime CreatedAt { get; set; }

    /// <summary>Lines: tns:ArrayOfOrderLine [0..1], nillable, items OrderLine nillable.</summary>
    [XmlArray(IsNullable = true, Order = 3)]
    [XmlArrayItem(IsNullable = true)]
    public OrderLine[]? Lines { get; set; }
}
