using System.Runtime.Serialization;

namespace SoapMiddleware.ServiceModel.Tests.SoapCorePeer.Client;

/// <summary>complexType tns:Order as svcutil generates it from SoapCore's WSDL (its sequence order kept by <c>Order</c>).</summary>
[DataContract(Name = "Order", Namespace = CalculatorNamespace.Value)]
public sealed class Order
{
    /// <summary>Id: xsd:int [0..1].</summary>
    [DataMember(Order = 0)]
    public int Id { get; set; }

    /// <summary>Customer: xsd:string [0..1] nillable.</summary>
    [DataMember(Order = 1)]
    public string? Customer { get; set; }

    /// <summary>CreatedAt: xsd:dateTime [0..1].</summary>
    [DataMember(Order = 2)]
    public DateTime CreatedAt { get; set; }

    /// <summary>Lines: tns:ArrayOfOrderLine [0..1] nillable.</summary>
    [DataMember(Order = 3)]
    public OrderLine[]? Lines { get; set; }
}
