using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace SoapMiddleware.Client.Tests.Mtom;

/// <summary>
/// The sample calculator's <c>EchoBytes</c> on every protocol it serves (docs/surface.md): base64 text in SOAP, a base64
/// string in JSON and HTTP RPC, <c>bin</c> in MessagePack; and queued as MTOM on both engines, the bytes kept inline in
/// the stored request.
/// </summary>
public sealed class EchoBytesProtocolTests
{
    private static readonly byte[] Data = RandomNumberGenerator.GetBytes(200);

    [Fact]
    public async Task Soap11_Base64Text_BackAsBase64Text()
    {
        await using var app = await SampleAppHost.StartAsync("soapmw-echobytes-", []);
        using var content = new StringContent(MtomMessage.Envelope($"<EchoBytes xmlns=\"http://example.com/calc\"><data>{Convert.ToBase64String(Data)}</data></EchoBytes>"), Encoding.UTF8, "text/xml");

        using var response = await app.Client.PostAsync("/soap/calculator", content);
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/xml", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains($">{Convert.ToBase64String(Data)}</", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task JsonAndHttpRpc_Base64String()
    {
        await using var app = await SampleAppHost.StartAsync("soapmw-echobytes-", []);
        var base64 = Convert.ToBase64String(Data);

        using var json = await app.Client.PostAsync("/json/calculator/EchoBytes", new StringContent($"{{\"data\":\"{base64}\"}}", Encoding.UTF8, "application/json"));
        using var rpc = await app.Client.GetAsync("/rpc/calculator/EchoBytes?data=" + Uri.EscapeDataString(base64));

        Assert.Equal(HttpStatusCode.OK, json.StatusCode);
        Assert.Equal(base64, JsonDocument.Parse(await json.Content.ReadAsStringAsync()).RootElement.GetProperty("EchoBytesResult").GetString());
        Assert.Equal(HttpStatusCode.OK, rpc.StatusCode);
        Assert.Equal(base64, JsonDocument.Parse(await rpc.Content.ReadAsStringAsync()).RootElement.GetProperty("EchoBytesResult").GetString());
    }

    [Fact]
    public async Task MessagePack_Bin()
    {
        await using var app = await SampleAppHost.StartAsync("soapmw-echobytes-", []);
        byte[] request = [0x81, 0xa9, .. "EchoBytes"u8, 0x81, 0xa4, .. "data"u8, 0xc4, (byte)Data.Length, .. Data];
        using var content = new ByteArrayContent(request) { Headers = { ContentType = new MediaTypeHeaderValue("application/msgpack") } };

        using var response = await app.Client.PostAsync("/msgpack/calculator", content);
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        byte[] bin = [0xc4, (byte)Data.Length, .. Data];
        Assert.True(bytes.AsSpan().IndexOf(bin) >= 0, "The result is not MessagePack bin of the bytes sent.");
    }

    [Theory]
    [InlineData("Builtin")]
    [InlineData("Hangfire")]
    public async Task Queue_MtomRequest_StoredInlineAndRunAsPlainSoap(string engine)
    {
        await using var app = await SampleAppHost.StartAsync("soapmw-echobytes-queue-", ["--Queue:Engine", engine]);
        var data = RandomNumberGenerator.GetBytes(100_000);
        using var content = MtomMessage.Content(MtomMessage.Body(MtomMessage.EchoBytesEnvelope("cid:bin@test"), [("bin@test", data)]));

        using var enqueued = await app.Client.PostAsync("/queue/calculator", content);
        Assert.Equal(HttpStatusCode.Accepted, enqueued.StatusCode);
        var location = enqueued.Headers.Location!.ToString();

        var text = await Wait.ForAsync(
            async () =>
            {
                using var response = await app.Client.GetAsync(location + "/response");
                return response.StatusCode == HttpStatusCode.OK ? await response.Content.ReadAsStringAsync() : null;
            },
            "the queued EchoBytes finished");
        Assert.Contains($">{Convert.ToBase64String(data)}</", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Queue_MtomRequestOverThePayloadLimit_413()
    {
        await using var app = await SampleAppHost.StartAsync("soapmw-echobytes-queue-", ["--Queue:MaxPayloadBytes", "100000"]);
        using var content = MtomMessage.Content(MtomMessage.Body(MtomMessage.EchoBytesEnvelope("cid:bin@test"), [("bin@test", new byte[90_000])]));

        using var enqueued = await app.Client.PostAsync("/queue/calculator", content);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, enqueued.StatusCode);
        Assert.Contains("as base64 text is larger than the limit of 100000 bytes", await enqueued.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
