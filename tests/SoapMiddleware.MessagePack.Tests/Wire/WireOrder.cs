using MessagePack;

namespace SoapMiddleware.MessagePack.Tests.Wire;

/// <summary>GetOrder's result as a client reads it.</summary>
[MessagePackObject]
public sealed class WireOrder
{
    [Key("Id")]
    public int Id { get; set; }

    [Key("Customer")]
    public string? Customer { get; set; }

    /// <summary>Dates are written as their XSD (ISO 8601) text, as JSON and SOAP write them.</summary>
    [Key("CreatedAt")]
    public string? CreatedAt { get; set; }

    [Key("Lines")]
    public WireOrderLine[]? Lines { get; set; }
}
