using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Xml.Linq;
using Microsoft.AspNetCore.Builder;
using SoapMiddleware.Client.Calls;
using SoapMiddleware.Client.Tests.Infrastructure;
using SoapMiddleware.Client.Tests.Typed;

namespace SoapMiddleware.Client.Tests.Calls;

/// <summary>
/// SOAP headers per call through <see cref="RpcCallScope"/> on one shared client, against a Kestrel service that echoes
/// a header: typed ([RpcHeader]) and raw (XElement) headers sent, in plain and MTOM requests, the response's headers read,
/// nothing shared between calls.
/// </summary>
public sealed class SoapHeaderTests : IAsyncLifetime
{
    private static readonly XNamespace Ns = HeaderEchoService.Namespace;
    private KestrelApp _server = null!;

    public async Task InitializeAsync()
    {
        var builder = KestrelApp.CreateBuilder();
        builder.Services.AddRpc(o => o.Namespace = HeaderEchoService.Namespace).AddService<HeaderEchoService>();
        var app = builder.Build();
        app.UseRpc("/soap/echo");
        _server = await KestrelApp.StartAsync(app);
    }

    public Task DisposeAsync() => _server.DisposeAsync().AsTask();

    [Theory]
    [InlineData("soap11")]
    [InlineData("soap12")]
    public async Task ParallelCalls_EachSendsAndReadsItsOwnHeaders(string protocol)
    {
        var client = Client(protocol);

        var results = await Task.WhenAll(Enumerable.Range(0, 64).Select(i => Task.Run(async () =>
        {
            using var scope = new RpcCallScope();
            var id = $"tenant-{i}";
            scope.SoapHeaders.Add(i % 2 == 0 ? new TenantHeader { Id = id } : new XElement(Ns + "TenantHeader", new XElement(Ns + "Id", id)));
            var answered = await client.WhoAmIAsync(i % 5);
            var call = Assert.Single(scope.Calls);
            return (id, answered, typed: call.GetResponseHeader<TenantHeader>()?.Id, raw: call.ResponseSoapHeaders.Single().Element(Ns + "Id")?.Value);
        })));

        foreach (var (id, answered, typed, raw) in results)
        {
            Assert.Equal(id, answered);
            Assert.Equal("echo:" + id, typed);
            Assert.Equal("echo:" + id, raw);
        }
    }

    [Fact]
    public async Task CallOutsideAScope_SendsNoHeader_AndAScopeEndsWithItsUsing()
    {
        var client = Client("soap11");
        using (var scope = new RpcCallScope())
        {
            scope.SoapHeaders.Add(new TenantHeader { Id = "inside" });
            Assert.Equal("inside", await client.WhoAmIAsync(0));
        }

        Assert.Null(RpcCallScope.Current);
        Assert.Equal("(none)", await client.WhoAmIAsync(0));
    }

    [Fact]
    public async Task HeaderTheOperationDoesNotDeclare_OrAProtocolWithoutHeaders_IsRefused()
    {
        using var scope = new RpcCallScope();
        scope.SoapHeaders.Add(new Uri("http://example.com/"));
        await Assert.ThrowsAsync<ArgumentException>(() => Client("soap11").WhoAmIAsync(0));

        scope.SoapHeaders.Clear();
        scope.SoapHeaders.Add(new TenantHeader { Id = "x" });
        await Assert.ThrowsAsync<NotSupportedException>(() => Client("json").WhoAmIAsync(0));
    }

    [Theory]
    [InlineData("soap11")]
    [InlineData("soap12")]
    public async Task Mtom_TypedAndRawHeaders_ArriveWithTheBinaryPart(string protocol)
    {
        var wire = new ConcurrentQueue<WireExchange>();
        var client = ClientFactory.Create<IHeaderEcho>(
            _server.Url("/soap/echo"),
            protocol,
            o =>
            {
                o.Namespace = HeaderEchoService.Namespace;
                o.UseMtom = true;
            },
            http => http.AddHttpMessageHandler(() => new WireTap(wire)));
        var data = RandomNumberGenerator.GetBytes(70_000);

        using (var scope = new RpcCallScope())
        {
            scope.SoapHeaders.Add(new TenantHeader { Id = "typed" });
            Assert.Equal("typed:70000", await client.TagAsync(data));
        }

        using (var scope = new RpcCallScope())
        {
            scope.SoapHeaders.Add(new XElement(Ns + "TenantHeader", new XElement(Ns + "Id", "raw")));
            Assert.Equal("raw:70000", await client.TagAsync(data));
        }

        Assert.Equal("(none):70000", await client.TagAsync(data));
        Assert.Equal(3, wire.Count);
        Assert.All(wire, call =>
        {
            Assert.StartsWith("multipart/related", call.RequestContentType, StringComparison.Ordinal);
            Assert.True(call.RequestBody.AsSpan().IndexOf(data) >= 0, "The bytes did not travel as a binary part.");
        });
    }

    private IHeaderEcho Client(string protocol)
        => ClientFactory.Create<IHeaderEcho>(_server.Url("/soap/echo"), protocol, o => o.Namespace = HeaderEchoService.Namespace);
}
