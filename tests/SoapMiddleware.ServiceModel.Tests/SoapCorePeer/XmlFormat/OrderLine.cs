namespace SoapMiddleware.ServiceModel.Tests.SoapCorePeer.XmlFormat;

/// <summary>One line of an <see cref="Order"/>.</summary>
public sealed class OrderLine
{
    /// <summary>"SKU-i".</summary>
    public string? Sku { get; set; }

    /// <summary>i.</summary>
    public int Quantity { get; set; }

    /// <summary>i * 1.25.</summary>
    public decimal Price { get; set; }
}
