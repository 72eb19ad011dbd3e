namespace SoapMiddleware.ServiceModel.Tests.SoapCorePeer;

/// <summary>The order <see cref="ICalculator.GetOrder"/> returns, written as a SoapCore user would for XmlSerializer.</summary>
public sealed class Order
{
    /// <summary>The order id (the request's id).</summary>
    public int Id { get; set; }

    /// <summary>"Customer {id}".</summary>
    public string? Customer { get; set; }

    /// <summary>Always 2024-01-01T00:00:00Z, so answers compare byte for byte.</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>The lines, Sku "SKU-i", Quantity i, Price i * 1.25.</summary>
    public OrderLine[]? Lines { get; set; }
}
