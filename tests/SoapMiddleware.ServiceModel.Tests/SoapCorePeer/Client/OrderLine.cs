using System.Runtime.Serialization;

namespace SoapMiddleware.ServiceModel.Tests.SoapCorePeer.Client;

/// <summary>complexType tns:OrderLine as svcutil generates it from SoapCore's WSDL.</summary>
[DataContract(Name = "OrderLine", Namespace = CalculatorNamespace.Value)]
public sealed class OrderLine
{
    /// <summary>Sku: xsd:string [0..1] nillable.</summary>
    [DataMember(Order = 0)]
    public string? Sku { get; set; }

    /// <summary>Quantity: xsd:int [0..1].</summary>
    [DataMember(Order = 1)]
    public int Quantity { get; set; }

    /// <summary>Price: xsd:decimal [0..1].</summary>
    [DataMember(Order = 2)]
    public decimal Price { get; set; }
}
