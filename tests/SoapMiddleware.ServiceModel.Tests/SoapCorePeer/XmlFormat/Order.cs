namespace SoapMiddleware.ServiceModel.Tests.SoapCorePeer.XmlFormat;

/// <summary>The order <see cref="IXmlCalculator.GetOrder"/> returns, a plain XmlSerializer class.</summary>
public sealed class Order
{
    /// <summary>The order id.</summary>
    public int Id { get; set; }

    /// <summary>"Customer {id}".</summary>
    public string? Customer { get; set; }

    /// <summary>2024-01-01T00:00:00Z.</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>Line i: Sku "SKU-i", Quantity i, Price i * 1.25.</summary>
    public OrderLine[]? Lines { get; set; }
}
