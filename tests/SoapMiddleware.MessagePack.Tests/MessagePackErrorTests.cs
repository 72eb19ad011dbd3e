using MessagePack;
using System.Text;
using SoapMiddleware.MessagePack.Tests.Infrastructure;
using static SoapMiddleware.MessagePack.Tests.Infrastructure.MsgPack;

namespace SoapMiddleware.MessagePack.Tests;

/// <summary>
/// Requests the protocol must refuse: each is a 4xx with a MessagePack fault that says what is wrong, and the argument
/// faults are the JSON protocol's word for word.
/// </summary>
[Collection(ToolServerCollection.Name)]
public sealed class MessagePackErrorTests(ToolServer server)
{
    private const string Path = "/msgpack/tools";

    [Fact]
    public async Task PlainText_400NotMessagePack()
    {
        // 't' is a valid MessagePack integer (116): what follows it is what gives the body away.
        var response = await PostAsync(server.Client, Path, Encoding.UTF8.GetBytes("this is not msgpack"));

        var fault = response.Fault(400);
        Assert.Equal("Client", fault.Code);
        Assert.Equal("The request is not valid MessagePack: 18 bytes follow the first value; expected exactly one map.", fault.Message);
    }

    [Fact]
    public async Task JsonSentAsMessagePack_400NotMessagePack()
    {
        var response = await PostAsync(server.Client, Path, Encoding.UTF8.GetBytes("{\"Add\": {\"a\": 1, \"b\": 2}}"));

        Assert.StartsWith("The request is not valid MessagePack", response.Fault(400).Message);
    }

    [Fact]
    public async Task Truncated_400EndsInTheMiddle()
    {
        var whole = Pack(new { Echo = new { text = "a longer text" } });

        var response = await PostAsync(server.Client, Path, whole[..^3]);

        Assert.StartsWith("The request is not valid MessagePack: it ends in the middle of a value", response.Fault(400).Message);
    }

    [Fact]
    public async Task NeverUsedTypeCode_400()
    {
        var response = await PostAsync(server.Client, Path, [0xc1]);

        Assert.StartsWith("The request is not valid MessagePack", response.Fault(400).Message);
    }

    [Fact]
    public async Task HugeDeclaredCount_400WithoutAllocatingIt()
    {
        // An array header claiming 4 294 967 295 items in a 5-byte body.
        var response = await PostAsync(server.Client, Path, [0xdd, 0xff, 0xff, 0xff, 0xff]);

        Assert.StartsWith("The request is not valid MessagePack", response.Fault(400).Message);
    }

    [Fact]
    public async Task EmptyBody_400()
    {
        var response = await PostAsync(server.Client, Path, []);

        Assert.Equal("The request is empty; expected a MessagePack map.", response.Fault(400).Message);
    }

    [Fact]
    public async Task TrailingBytesAfterAValidCall_400()
    {
        var response = await PostAsync(server.Client, Path, [.. Pack(new { Add = new { a = 1, b = 2 } }), 0xc0]);

        Assert.Equal("The request is not valid MessagePack: 1 byte follows the first value; expected exactly one map.", response.Fault(400).Message);
    }

    [Fact]
    public async Task InvalidUtf8String_400()
    {
        // {"Echo": {"text": <str of the bytes ff fe>}}
        byte[] body = [0x81, 0xa4, .. "Echo"u8, 0x81, 0xa4, .. "text"u8, 0xa2, 0xff, 0xfe];

        var response = await PostAsync(server.Client, Path, body);

        Assert.StartsWith("The request is not valid MessagePack: a string is not valid UTF-8", response.Fault(400).Message);
    }

    [Fact]
    public async Task IntegerMapKey_400()
    {
        var response = await PostAsync(server.Client, Path, Pack(new Dictionary<int, int> { [1] = 2 }));

        Assert.StartsWith("The request's map keys must be strings (member names), but one is an integer", response.Fault(400).Message);
    }

    [Fact]
    public async Task UnknownExtension_400()
    {
        // {"Echo": {"text": fixext1(type 5, 0x00)}}
        byte[] body = [0x81, 0xa4, .. "Echo"u8, 0x81, 0xa4, .. "text"u8, 0xd4, 0x05, 0x00];

        var response = await PostAsync(server.Client, Path, body);

        Assert.StartsWith("The request holds a MessagePack extension of type 5", response.Fault(400).Message);
    }

    [Theory]
    [InlineData(200, "The request is nested deeper than 64 levels")]
    [InlineData(63, "The request is nested deeper than 64 levels")]
    [InlineData(62, "Element 'Echo/text': expected a JSON string, number or boolean, got an array.")]
    public async Task NestedDeeperThanMaxDepth_400(int arrays, string message)
    {
        // {"Echo": {"text": [[[[...]]]]}}: two maps, then the arrays; the application's MaxDepth is 64 containers.
        var body = new List<byte> { 0x81, 0xa4 };
        body.AddRange("Echo"u8.ToArray());
        body.AddRange([0x81, 0xa4]);
        body.AddRange("text"u8.ToArray());
        body.AddRange(Enumerable.Repeat((byte)0x91, arrays));
        body.Add(0xc0);

        var response = await PostAsync(server.Client, Path, body.ToArray());

        Assert.StartsWith(message, response.Fault(400).Message);
    }

    [Fact]
    public async Task UnknownOperationInTheBody_400()
    {
        var response = await CallAsync(server.Client, Path, new { Nope = new { } });

        var fault = response.Fault(400);
        Assert.Equal("Client", fault.Code);
        Assert.Equal("Unknown operation 'Nope'.", fault.Message);
    }

    [Fact]
    public async Task UnknownOperationInTheRoute_404()
    {
        var response = await PostAsync(server.Client, Path + "/Nope", Pack(new { }));

        Assert.Equal("Unknown operation 'Nope'.", response.Fault(404).Message);
    }

    [Fact]
    public async Task NotAMap_400NamesTheExpectedShape()
    {
        var response = await CallAsync(server.Client, Path, new[] { 1, 2 });

        Assert.Equal("Expected a MessagePack map naming the operation, such as {\"" + server.Application.Operations.First().Name + "\": {...}}, got an array.", response.Fault(400).Message);
    }

    [Fact]
    public async Task TwoOperations_400()
    {
        var response = await CallAsync(server.Client, Path, new { Add = new { a = 1, b = 2 }, Echo = new { text = "x" } });

        Assert.Equal("Expected one key naming the operation, but the map has more ('Add', 'Echo', ...).", response.Fault(400).Message);
    }

    [Fact]
    public async Task MissingArgument_400SaidAsJsonSaysIt()
    {
        var response = await CallAsync(server.Client, Path, new { Add = new { a = 1 } });

        Assert.Equal("'b' is required.", response.Fault(400).Message);
    }

    [Fact]
    public async Task NilArgument_400SaidInMessagePacksTerms()
    {
        var response = await CallAsync(server.Client, Path, new { Add = new { a = (int?)null, b = 2 } });

        Assert.Equal("nil is not allowed for 'a'.", response.Fault(400).Message);
    }

    [Fact]
    public async Task ArgumentsNotAMap_400()
    {
        var response = await CallAsync(server.Client, Path, new { Add = 5 });

        Assert.Equal("Element 'Add': expected a map of arguments, got a number.", response.Fault(400).Message);
    }

    [Theory]
    [InlineData("{\"Add\": {\"a\": \"x\", \"b\": 1}}", "Element 'Add/a': 'x' is not a valid xs:int.")]
    [InlineData("{\"Add\": {\"a\": 1, \"c\": 2}}", "Element 'Add/c': unknown element; expected a, b.")]
    [InlineData("{\"Add\": {\"a\": 1}}", null)]
    [InlineData("{\"Add\": {\"a\": 3000000000, \"b\": 1}}", null)]
    [InlineData("{\"GetOrder\": {\"id\": {\"x\": 1}, \"lines\": 1}}", null)]
    [InlineData("{\"Echo\": {\"text\": [1, 2, 3]}}", "Element 'Echo/text': expected a JSON string, number or boolean, got an array.")]
    [InlineData("{\"Echo\": {\"text\": {\"a\": [1, 2]}}}", "Element 'Echo/text': expected a JSON string, number or boolean, got an object.")]
    [InlineData("{\"Add\": {\"c\": [1, 2, 3], \"a\": [4]}}", "Element 'Add/c': unknown element; expected a, b.")]
    [InlineData("{\"Add\": {\"a\": \"x\", \"b\": [1]}}", "Element 'Add/b': expected a JSON string, number or boolean, got an array.")]
    [InlineData("{\"Add\": {\"A\": 1, \"b\": {\"x\": 1}}}", "Element 'Add/b': expected a JSON string, number or boolean, got an object.")]
    [InlineData("{\"Reverse\": {\"data\": [1, 2, 3]}}", "Element 'Reverse/data': expected a JSON string, number or boolean, got an array.")]
    public async Task InvalidArguments_TheJsonProtocolsFaultWordForWord(string json, string? expected)
    {
        // The same call as JSON (to an endpoint that answers in MessagePack) and as MessagePack: one message.
        using var jsonContent = new StringContent(json, Encoding.UTF8, "application/json");
        using var viaJson = await server.Client.PostAsync("/json-to-msgpack", jsonContent);
        var jsonFault = new MsgPackResponse((int)viaJson.StatusCode, viaJson.Content.Headers.ContentType?.MediaType, await viaJson.Content.ReadAsByteArrayAsync()).Fault(400);

        var packed = MessagePackSerializer.ConvertFromJson(json);
        var msgpackFault = (await PostAsync(server.Client, Path, packed)).Fault(400);

        Assert.Equal("Client", msgpackFault.Code);
        Assert.Equal(jsonFault.Message, msgpackFault.Message);
        if (expected is not null)
        {
            Assert.Equal(expected, msgpackFault.Message);
        }
    }

    [Fact]
    public async Task WrongContentType_415WithAMessagePackFault()
    {
        var response = await PostAsync(server.Client, Path, Pack(new { Add = new { a = 1, b = 2 } }), "text/plain");

        var fault = response.Fault(415);
        Assert.Equal("Unsupported Content-Type 'text/plain'; expected 'application/msgpack' or 'application/x-msgpack'.", fault.Message);
    }

    [Fact]
    public async Task Get_405WithAMessagePackFault()
    {
        using var response = await server.Client.GetAsync(Path);

        Assert.Equal(405, (int)response.StatusCode);
        Assert.Equal("POST", response.Content.Headers.Allow.Single());
        var fault = new MsgPackResponse(405, response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsByteArrayAsync()).Fault(405);
        Assert.Equal("Client", fault.Code);
    }
}
