using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using SoapMiddleware.Client.Calls;
using SoapMiddleware.Client.Tests.Typed;

namespace SoapMiddleware.Client.Tests.Mtom;

/// <summary>
/// MTOM between our client and our server (the sample app on Kestrel): binary values cross as parts both ways, on SOAP
/// 1.1 and 1.2, large ones through temporary files that are gone when the call is.
/// </summary>
public sealed class MtomCallTests : IAsyncLifetime
{
    private readonly string _serverParts = Directory.CreateTempSubdirectory("soapmw-mtom-server-").FullName;
    private readonly string _clientParts = Directory.CreateTempSubdirectory("soapmw-mtom-client-").FullName;
    private SampleAppHost _app = null!;

    public async Task InitializeAsync()
        => _app = await SampleAppHost.StartAsync("soapmw-mtom-calls-", ["--Rpc:Mtom:TempDirectory", _serverParts]);

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        Directory.Delete(_serverParts, recursive: true);
        Directory.Delete(_clientParts, recursive: true);
    }

    [Theory]
    [InlineData("soap11")]
    [InlineData("soap12")]
    public void EchoBytes_ClientUsesMtom_SameBytesBack_NoPartOutlivesTheCall(string protocol)
    {
        var client = ClientFactory.Create<IBytesClient>(_app.Url("/soap/calculator"), protocol, o =>
        {
            o.UseMtom = true;
            o.MaxResponseBytes = 64 * 1024;   // the envelope only: the 3 MB come as a part
            o.ReaderLimits.Mtom.TempDirectory = _clientParts;
        });
        var data = RandomNumberGenerator.GetBytes(3 * 1024 * 1024);

        Assert.Equal(data, client.EchoBytes(data));
        Assert.Equal([], client.EchoBytes([]));
        Assert.Equal(5, client.Add(2, 3));
        Assert.Empty(Directory.EnumerateFileSystemEntries(_serverParts, "*", SearchOption.AllDirectories));
    }

    [Theory]
    [InlineData("soap11")]
    [InlineData("soap12")]
    public void MtomResponse_ItsEnvelopeReachesListeners_WithTheXopIncludeInPlaceOfTheBytes(string protocol)
    {
        var received = new ConcurrentQueue<string>();
        var client = ClientFactory.Create<IBytesClient>(_app.Url("/soap/calculator"), protocol, o =>
        {
            o.UseMtom = true;
            o.ReaderLimits.Mtom.TempDirectory = _clientParts;
            o.Events.AddListener(RpcClientEventNames.MethodAcceptDocument, c => received.Enqueue(Encoding.UTF8.GetString(c.ResponseBytes.Span)));
        });
        var data = RandomNumberGenerator.GetBytes(100_000);

        Assert.Equal(data, client.EchoBytes(data));

        // The root part as received: the result element holds an xop:Include, the 100,000 bytes travelled as a part.
        var envelope = XDocument.Parse(Assert.Single(received));
        var result = envelope.Descendants().Single(e => e.Name.LocalName == "EchoBytesResult");
        Assert.Equal(XName.Get("Include", "http://www.w3.org/2004/08/xop/include"), Assert.Single(result.Elements()).Name);
        Assert.True(Assert.Single(received).Length < 2_000);
    }

    [Fact]
    public void EchoBytes_ClientWithoutMtom_Base64BothWays()
    {
        var client = ClientFactory.Create<IBytesClient>(_app.Url("/soap/calculator"), "soap11");
        var data = RandomNumberGenerator.GetBytes(1000);

        Assert.Equal(data, client.EchoBytes(data));
    }

    [Fact]
    public async Task Documents_StreamArgumentAndResult_StreamedThroughParts()
    {
        var client = ClientFactory.Create<IDocumentClient>(_app.Url("/soap/documents"), "soap11", o =>
        {
            o.UseMtom = true;
            o.ReaderLimits.Mtom.TempDirectory = _clientParts;
        });
        const long size = 5 * 1024 * 1024 + 17;

        Assert.Equal(PatternStream.DigestOf(size), await client.Digest(new PatternStream(size)));
        await using var echoed = await client.EchoDocument(new PatternStream(size));
        using var copy = new MemoryStream();
        await echoed.CopyToAsync(copy);
        var expected = new byte[size];
        new PatternStream(size).ReadExactly(expected);
        Assert.Equal(expected, copy.ToArray());
        Assert.Empty(Directory.EnumerateFileSystemEntries(_serverParts, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task RawMtomRequest_ResponseIsMtom_BytesInAPartNotBase64()
    {
        var data = RandomNumberGenerator.GetBytes(200_000);
        var body = MtomMessage.Body(MtomMessage.EchoBytesEnvelope("cid:bin%40test"), [("bin@test", data)]);
        using var content = MtomMessage.Content(body);

        using var response = await _app.Client.PostAsync("/soap/calculator", content);
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var contentType = response.Content.Headers.ContentType!.ToString();
        Assert.StartsWith("multipart/related", contentType, StringComparison.Ordinal);
        Assert.Contains("type=\"application/xop+xml\"", contentType, StringComparison.Ordinal);
        Assert.True(bytes.AsSpan().IndexOf(data) >= 0, "The response does not carry the bytes as a binary part.");
        Assert.DoesNotContain(Convert.ToBase64String(data.AsSpan(0, 3000)), Encoding.Latin1.GetString(bytes), StringComparison.Ordinal);
        Assert.Contains("http://www.w3.org/2004/08/xop/include", Encoding.Latin1.GetString(bytes), StringComparison.Ordinal);
    }
}
