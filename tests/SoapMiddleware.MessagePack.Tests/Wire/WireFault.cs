using MessagePack;

namespace SoapMiddleware.MessagePack.Tests.Wire;

/// <summary>A fault's body: code, message, and the optional subcode and typed detail.</summary>
[MessagePackObject]
public sealed class WireFault
{
    [Key("code")]
    public string? Code { get; set; }

    [Key("message")]
    public string? Message { get; set; }

    [Key("subcode")]
    public string? Subcode { get; set; }

    /// <summary>The typed detail, read generically: its shape depends on the fault.</summary>
    [Key("detail")]
    public Dictionary<string, object?>? Detail { get; set; }
}
