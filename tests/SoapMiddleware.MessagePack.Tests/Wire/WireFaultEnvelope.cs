using MessagePack;

namespace SoapMiddleware.MessagePack.Tests.Wire;

/// <summary>
/// <c>{"fault": {...}}</c> as a MessagePack-CSharp client declares it. The wire views are public because the library's
/// generated formatters reach only public types.
/// </summary>
[MessagePackObject]
public sealed class WireFaultEnvelope
{
    [Key("fault")]
    public WireFault? Fault { get; set; }
}
