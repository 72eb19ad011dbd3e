using System.Xml.Serialization;

namespace SoapMiddleware.Bench.SoapCore;

/// <summary>One line of a <see cref="WcfOrder"/>; serialized as <c>OrderLine</c> like the sample's type.</summary>
[XmlType("OrderLine")]
public sealed class WcfOrderLine
{
    /// <summary>"SKU-i".</summary>
    public string? Sku { get; set; }

    /// <summary>i.</summary>
    public int Quantity { get; set; }

    /// <summary>i * 1.25.</summary>
    public decimal Price { get; set; }
}
