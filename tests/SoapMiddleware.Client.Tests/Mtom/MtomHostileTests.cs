using System.Diagnostics;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace SoapMiddleware.Client.Tests.Mtom;

/// <summary>
/// MTOM requests no honest client sends, each refused with a Client fault that says why, well within a few seconds, and
/// nothing left in the temporary folder afterwards: ten thousand parts, a part header of a megabyte, an xop:Include of
/// a missing part or of a part already named, two parts with one Content-ID, a boundary that never closes, attachments
/// over the limit.
/// </summary>
public sealed class MtomHostileTests : IAsyncLifetime
{
    private static readonly TimeSpan Bounded = TimeSpan.FromSeconds(10);
    private readonly string _parts = Directory.CreateTempSubdirectory("soapmw-mtom-hostile-").FullName;
    private KestrelApp _app = null!;

    public async Task InitializeAsync()
    {
        var builder = KestrelApp.CreateBuilder();
        builder.Services.AddRpc(o =>
        {
            o.Namespace = "http://example.com/calc";
            o.Mtom.TempDirectory = _parts;
            o.Mtom.MaxBytes = 1024 * 1024;
            o.Mtom.MemoryThresholdBytes = 1024;
        }).AddService<PairService>();
        var app = builder.Build();
        app.UseRpc("/soap");
        _app = await KestrelApp.StartAsync(app);
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        Directory.Delete(_parts, recursive: true);
    }

    [Fact]
    public async Task TenThousandParts_RefusedAtTheLimit()
    {
        var parts = Enumerable.Range(0, 10_000).Select(i => ($"p{i}@test", new byte[] { 1, 2, 3 }));

        var (status, text) = await PostAsync(MtomMessage.Body(Concat("cid:p0@test", "cid:p1@test"), parts));

        Assert.Equal(400, status);
        Assert.Contains("more than 100 parts (Rpc:Mtom:MaxParts)", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PartHeaderOfOneMegabyte_Refused()
    {
        var body = Encoding.ASCII.GetBytes($"--{MtomMessage.Boundary}\r\nX-Padding: {new string('a', 1024 * 1024)}\r\n\r\n<x/>\r\n--{MtomMessage.Boundary}--\r\n");

        var (status, text) = await PostAsync(body);

        Assert.Equal(400, status);
        Assert.Contains("MIME headers are larger than 16384 bytes (Rpc:Mtom:MaxPartHeaderBytes)", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IncludeOfAMissingPart_ClientFault()
    {
        var (status, text) = await PostAsync(MtomMessage.Body(Concat("cid:a@test", "cid:nowhere@test"), [("a@test", [1, 2])]));

        Assert.Equal(500, status);
        Assert.Contains("Client", text, StringComparison.Ordinal);
        Assert.Contains("The xop:Include 'cid:nowhere@test' names no part of the MTOM message.", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TwoIncludesOfOnePart_ClientFault()
    {
        var (status, text) = await PostAsync(MtomMessage.Body(Concat("cid:a@test", "cid:a@test"), [("a@test", [1, 2])]));

        Assert.Equal(500, status);
        Assert.Contains("The xop:Include 'cid:a@test' names a part that another xop:Include named already.", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TwoPartsWithOneContentId_Refused()
    {
        var (status, text) = await PostAsync(MtomMessage.Body(Concat("cid:a@test", "cid:b@test"), [("a@test", [1]), ("a@test", [2])]));

        Assert.Equal(400, status);
        Assert.Contains("two parts with the Content-ID 'a@test'", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BoundaryThatNeverCloses_Refused()
    {
        var (status, text) = await PostAsync(MtomMessage.Body(Concat("cid:a@test", "cid:b@test"), [("a@test", new byte[300_000]), ("b@test", [1])], close: false));

        Assert.Equal(400, status);
        Assert.Contains("The multipart body ends before its closing boundary.", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AttachmentsOverTheLimit_413()
    {
        var (status, text) = await PostAsync(MtomMessage.Body(Concat("cid:a@test", "cid:b@test"), [("a@test", new byte[700_000]), ("b@test", new byte[700_000])]));

        Assert.Equal(413, status);
        Assert.Contains("attachments are larger than the limit of 1048576 bytes (Rpc:Mtom:MaxBytes)", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HonestRequest_BothPartsRead()
    {
        var (status, text) = await PostAsync(MtomMessage.Body(Concat("cid:a@test", "cid:b@test"), [("a@test", new byte[5000]), ("b@test", new byte[3])]));

        Assert.Equal(200, status);
        Assert.Contains(">5003<", text, StringComparison.Ordinal);
    }

    private static string Concat(string first, string second)
        => MtomMessage.Envelope("<Concat xmlns=\"http://example.com/calc\">"
            + $"<a><xop:Include xmlns:xop=\"http://www.w3.org/2004/08/xop/include\" href=\"{first}\"/></a>"
            + $"<b><xop:Include xmlns:xop=\"http://www.w3.org/2004/08/xop/include\" href=\"{second}\"/></b></Concat>");

    /// <summary>Posts the body, checks the answer came in bounded time and nothing was left on disk; returns the status and the text.</summary>
    private async Task<(int Status, string Text)> PostAsync(byte[] body)
    {
        using var content = MtomMessage.Content(body);
        var watch = Stopwatch.StartNew();
        using var response = await _app.Client.PostAsync("/soap", content);
        var text = Encoding.Latin1.GetString(await response.Content.ReadAsByteArrayAsync());
        Assert.True(watch.Elapsed < Bounded, $"The answer took {watch.Elapsed}.");
        Assert.Empty(Directory.EnumerateFileSystemEntries(_parts, "*", SearchOption.AllDirectories));
        return ((int)response.StatusCode, text);
    }

    /// <summary>Two binary arguments, so that one request can name one part twice.</summary>
    [RpcService(Name = "PairService")]
    public sealed class PairService
    {
        [RpcMethod]
        public int Concat(byte[] a, byte[] b) => a.Length + b.Length;
    }
}
