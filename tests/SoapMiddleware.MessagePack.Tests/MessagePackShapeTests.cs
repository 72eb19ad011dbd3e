using SoapMiddleware.MessagePack.Tests.Infrastructure;
using static SoapMiddleware.MessagePack.Tests.Infrastructure.MsgPack;

namespace SoapMiddleware.MessagePack.Tests;

/// <summary>
/// An array or map the contract refuses is no longer translated, only read past: the fault is still the argument
/// reader's, at the same place, and the rest of the body is still checked to be one well-formed MessagePack value
/// (MessagePack's own faults keep coming first).
/// </summary>
[Collection(ToolServerCollection.Name)]
public sealed class MessagePackShapeTests(ToolServer server)
{
    private const string Path = "/msgpack/tools";

    // {"Echo": {"text": [ ... ]}} with the array's items given as raw bytes.
    private static byte[] EchoArray(int count, params byte[] items) => [0x81, 0xa4, .. "Echo"u8, 0x81, 0xa4, .. "text"u8, (byte)(0x90 | count), .. items];

    [Fact]
    public async Task InvalidUtf8InsideARefusedArray_StillNotValidMessagePack()
    {
        var response = await PostAsync(server.Client, Path, EchoArray(2, 0x01, 0xa2, 0xff, 0xfe));

        Assert.StartsWith("The request is not valid MessagePack: a string is not valid UTF-8", response.Fault(400).Message);
    }

    [Fact]
    public async Task UnknownExtensionInsideARefusedArray_StillRefused()
    {
        var response = await PostAsync(server.Client, Path, EchoArray(1, 0xd4, 0x05, 0x00));

        Assert.StartsWith("The request holds a MessagePack extension of type 5", response.Fault(400).Message);
    }

    [Fact]
    public async Task TruncatedRefusedArray_EndsInTheMiddle()
    {
        var response = await PostAsync(server.Client, Path, EchoArray(3, 0x01, 0x02));

        Assert.StartsWith("The request is not valid MessagePack: it ends in the middle of a value", response.Fault(400).Message);
    }

    [Fact]
    public async Task BytesAfterARefusedArray_TrailingFault()
    {
        var response = await PostAsync(server.Client, Path, [.. EchoArray(2, 0x01, 0x02), 0xc0]);

        Assert.Equal("The request is not valid MessagePack: 1 byte follows the first value; expected exactly one map.", response.Fault(400).Message);
    }

    [Fact]
    public async Task RefusedArrayThenASecondOperation_TheRoutingFault()
    {
        var response = await CallAsync(server.Client, Path, new { Echo = new { text = new[] { 1, 2 } }, Add = new { a = new[] { 1 } } });

        Assert.Equal("Expected one key naming the operation, but the map has more ('Echo', 'Add', ...).", response.Fault(400).Message);
    }

    [Fact]
    public async Task UnknownOperationWithAnArray_UnknownOperation()
    {
        var response = await CallAsync(server.Client, Path, new { Nope = new { x = new[] { 1, 2, 3 } } });

        Assert.Equal("Unknown operation 'Nope'.", response.Fault(400).Message);
    }

    [Fact]
    public async Task ArgumentsAnArray_ExpectedAMapOfArguments()
    {
        var response = await CallAsync(server.Client, Path, new { Add = new[] { 1, 2 } });

        Assert.Equal("Element 'Add': expected a map of arguments, got an array.", response.Fault(400).Message);
    }

    [Fact]
    public async Task OperationInThePath_ArrayForAString_Refused()
    {
        var response = await CallAsync(server.Client, Path + "/Echo", new { text = new[] { 0, 0, 0 } });

        Assert.Equal("Element 'Echo/text': expected a JSON string, number or boolean, got an array.", response.Fault(400).Message);
    }
}
