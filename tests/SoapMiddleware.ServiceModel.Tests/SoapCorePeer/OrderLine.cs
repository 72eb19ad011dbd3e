using System.Runtime.Serialization;

namespace SoapMiddleware.ServiceModel.Tests.SoapCorePeer;

/// <summary>One line of an <see cref="Order"/>.</summary>
[DataContract(Namespace = CalculatorNamespace.Value)]
public sealed class OrderLine
{
    /// <summary>"SKU-i".</summary>
    [DataMember(Order = 1)]
    public string Sku { get; set; } = "";

    /// <summary>i.</summary>
    [DataMember(Order = 2)]
    public int Quantity { get; set; }

    /// <summary>i * 1.25.</summary>
    [DataMember(Order = 3)]
    public decimal Price { get; set; }
}
