using System.Xml.Serialization;

namespace SoapMiddleware.Bench.SoapCore;

/// <summary>The reference service's order as an XmlSerializer class; serialized as <c>Order</c> like the sample's type.</summary>
[XmlType("Order")]
public sealed class WcfOrder
{
    /// <summary>The order id.</summary>
    public int Id { get; set; }

    /// <summary>"Customer {id}".</summary>
    public string? Customer { get; set; }

    /// <summary>2024-01-01T00:00:00Z.</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>Line i: Sku "SKU-i", Quantity i, Price i * 1.25.</summary>
    public WcfOrderLine[]? Lines { get; set; }
}
