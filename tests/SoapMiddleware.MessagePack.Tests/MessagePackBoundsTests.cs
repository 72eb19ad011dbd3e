using System.Buffers.Binary;
using System.Text;
using SoapMiddleware.MessagePack.Tests.Infrastructure;
using static SoapMiddleware.MessagePack.Tests.Infrastructure.MsgPack;

namespace SoapMiddleware.MessagePack.Tests;

/// <summary>
/// Lengths and timestamps that no .NET value can hold are the caller's mistake: 400 with a Client fault that says
/// which, never a Server "Internal Error" (they used to reach the pipeline as ArgumentOutOfRangeException).
/// </summary>
[Collection(ToolServerCollection.Name)]
public sealed class MessagePackBoundsTests(ToolServer server)
{
    private const string Path = "/msgpack/tools";

    [Theory]
    [InlineData(0xc6, 0x8000_0000u, "binary data of 2147483648 bytes")]
    [InlineData(0xc6, 0xFFFF_FFFFu, "binary data of 4294967295 bytes")]
    [InlineData(0xdb, 0x8000_0000u, "a string of 2147483648 bytes")]
    [InlineData(0xdb, 0xFFFF_FFFFu, "a string of 4294967295 bytes")]
    [InlineData(0xc9, 0x8000_0000u, "an extension of 2147483648 bytes")]
    public async Task Length32OfTwoGigabytesOrMore_400ClientFault(byte code, uint length, string what)
    {
        // ext 32 has its type after the length: the timestamp's (-1), the one extension read.
        var value = new byte[code == 0xc9 ? 6 : 5];
        value[0] = code;
        BinaryPrimitives.WriteUInt32BigEndian(value.AsSpan(1), length);
        value[^1] = code == 0xc9 ? (byte)0xff : value[^1];

        var response = await PostAsync(server.Client, Path, [.. EchoOf(), .. value, .. "abc"u8, 0xff]);

        var fault = response.Fault(400);
        Assert.Equal("Client", fault.Code);
        Assert.StartsWith("The request is not valid MessagePack: ", fault.Message);
        Assert.Contains(what, fault.Message);
    }

    [Fact]
    public async Task HugeStringLengthAsMapKey_400ClientFault()
    {
        var response = await PostAsync(server.Client, Path, [0x81, 0xdb, 0x80, 0x00, 0x00, 0x00, .. "Echo"u8]);

        Assert.Equal("Client", response.Fault(400).Code);
    }

    [Theory]
    [InlineData(253_402_300_800L, 0u)]          // 10000-01-01: one second past DateTime.MaxValue
    [InlineData(long.MaxValue, 0u)]
    [InlineData(-62_135_596_801L, 0u)]          // one second before 0001-01-01
    [InlineData(long.MinValue, 0u)]
    [InlineData(0L, 1_000_000_000u)]            // nanoseconds must be below one second
    public async Task Timestamp96OutOfRange_400ClientFault(long seconds, uint nanoseconds)
    {
        var timestamp = new byte[15];
        timestamp[0] = 0xc7;
        timestamp[1] = 12;
        timestamp[2] = 0xff;
        BinaryPrimitives.WriteUInt32BigEndian(timestamp.AsSpan(3), nanoseconds);
        BinaryPrimitives.WriteInt64BigEndian(timestamp.AsSpan(7), seconds);

        var response = await PostAsync(server.Client, Path, [0x81, .. Str("NextDay"), 0x81, .. Str("day"), .. timestamp]);

        var fault = response.Fault(400);
        Assert.Equal("Client", fault.Code);
        Assert.Contains("timestamp", fault.Message);
    }

    [Fact]
    public async Task Timestamp64NanosecondsOfASecondOrMore_400ClientFault()
    {
        var timestamp = new byte[10];
        timestamp[0] = 0xd7;
        timestamp[1] = 0xff;
        BinaryPrimitives.WriteUInt64BigEndian(timestamp.AsSpan(2), 0x3FFF_FFFFUL << 34);

        var response = await PostAsync(server.Client, Path, [0x81, .. Str("NextDay"), 0x81, .. Str("day"), .. timestamp]);

        Assert.Contains("nanoseconds", response.Fault(400).Message);
    }

    [Theory]
    [InlineData(0L, 0u, "1970-01-02T00:00:00")]
    [InlineData(253_402_214_399L, 0u, "9999-12-31T23:59:59")]
    [InlineData(-62_135_596_800L, 999_999_999u, "0001-01-02T00:00:00.9999999")]
    public async Task Timestamp96AtTheEdges_Read(long seconds, uint nanoseconds, string expected)
    {
        var timestamp = new byte[15];
        timestamp[0] = 0xc7;
        timestamp[1] = 12;
        timestamp[2] = 0xff;
        BinaryPrimitives.WriteUInt32BigEndian(timestamp.AsSpan(3), nanoseconds);
        BinaryPrimitives.WriteInt64BigEndian(timestamp.AsSpan(7), seconds);

        var response = await PostAsync(server.Client, Path, [0x81, .. Str("NextDay"), 0x81, .. Str("day"), .. timestamp]);

        Assert.StartsWith(expected, response.Result<string>("NextDay"));
    }

    private static byte[] EchoOf() => [0x81, .. Str("Echo"), 0x81, .. Str("text")];

    private static byte[] Str(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        return [(byte)(0xa0 | bytes.Length), .. bytes];
    }
}
