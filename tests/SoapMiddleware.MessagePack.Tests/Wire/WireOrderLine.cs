using MessagePack;

namespace SoapMiddleware.MessagePack.Tests.Wire;

/// <summary>One order line as a client reads it.</summary>
[MessagePackObject]
public sealed class WireOrderLine
{
    [Key("Sku")]
    public string? Sku { get; set; }

    [Key("Quantity")]
    public int Quantity { get; set; }

    /// <summary>Decimals are exact strings, which MessagePack-CSharp's own decimal formatter reads back as decimals.</summary>
    [Key("Price")]
    public decimal Price { get; set; }
}
