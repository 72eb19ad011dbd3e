using SoapMiddleware.MessagePack.Tests.Wire;

namespace SoapMiddleware.MessagePack.Tests.Infrastructure;

/// <summary>An HTTP answer to a MessagePack call.</summary>
internal sealed record MsgPackResponse(int Status, string? MediaType, byte[] Body)
{
    /// <summary>The result of <paramref name="operation"/>: the value of the one key <c>{operation}Result</c>.</summary>
    public T Result<T>(string operation)
    {
        AssertMessagePack(200);
        var map = MsgPack.Unpack<Dictionary<string, T>>(Body);
        return Assert.Contains(operation + "Result", (IDictionary<string, T>)map);
    }

    /// <summary>The fault, asserting the status first.</summary>
    public WireFault Fault(int status)
    {
        AssertMessagePack(status);
        var envelope = MsgPack.Unpack<WireFaultEnvelope>(Body);
        Assert.NotNull(envelope.Fault);
        return envelope.Fault;
    }

    private void AssertMessagePack(int status)
    {
        Assert.True(status == Status, $"Expected {status}, got {Status}: {Convert.ToBase64String(Body)}");
        Assert.Equal(MsgPack.MediaType, MediaType);
    }
}
