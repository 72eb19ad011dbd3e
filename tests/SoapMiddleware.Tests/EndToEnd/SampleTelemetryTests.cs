using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Trace;
using static SoapMiddleware.Tests.Infrastructure.JsonRequests;

namespace SoapMiddleware.Tests.EndToEnd;

/// <summary>The sample's OpenTelemetry wiring (<c>Telemetry:*</c>): off by default, console or OTLP when configured.</summary>
public sealed class SampleTelemetryTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("soapmw-telemetry-").FullName;

    [Fact]
    public async Task NoTelemetryKeys_NothingRegistered()
    {
        await using var app = Sample();

        Assert.Null(app.Services.GetService<TracerProvider>());
    }

    [Fact]
    public async Task ConsoleTrue_TracerProviderRegistered()
    {
        await using var app = Sample("--Telemetry:Console", "true");

        Assert.NotNull(app.Services.GetService<TracerProvider>());
    }

    [Fact]
    public void OtlpEndpointNotAUri_StartRefused_NamingTheKey()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Sample("--Telemetry:OtlpEndpoint", "not a uri"));

        Assert.Contains("Telemetry:OtlpEndpoint", error.Message);
    }

    [Fact]
    public async Task OtlpEndpoint_QueuedCallsEnqueueAndWorkerSpans_ReachTheCollector()
    {
        await using var collector = await FakeCollector.StartAsync();
        await using (var app = await KestrelApp.StartAsync(Sample("--Telemetry:OtlpEndpoint", collector.Address.ToString().TrimEnd('/'))))
        {
            var client = app.Client;
            var (status, _, response) = await PostJsonAsync(client, "/queue/calculator", "{\"Add\": {\"a\": 1, \"b\": 2}}");
            Assert.Equal(202, status);
            for (var i = 0; i < 200 && !(await client.GetStringAsync(response.Headers.Location)).Contains("\"Succeeded\""); i++)
            {
                await Task.Delay(50);
            }

            // Stopping the host disposes the tracer provider, which exports what it still holds.
            await app.StopAsync();
        }

        var traces = collector.Bodies("/opentelemetry.proto.collector.trace.v1.TraceService/Export");
        Assert.Contains("send default", traces);
        Assert.Contains("process default", traces);
        Assert.Contains("CalculatorService/Add", traces);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private WebApplication Sample(params string[] args) => SampleApp.SampleApplication.Create(
    [
        "--urls", "http://127.0.0.1:0", "--Logging:LogLevel:Default", "Warning",
        "--Queue:ConnectionString", Path.Combine(_directory, "queue.db"), .. args,
    ]);

    /// <summary>An OTLP/gRPC receiver on 127.0.0.1 (HTTP/2 without TLS) that keeps what it is sent and answers OK.</summary>
    private sealed class FakeCollector : IAsyncDisposable
    {
        private readonly WebApplication _app;
        private readonly ConcurrentQueue<(string Path, byte[] Body)> _received = new();

        private FakeCollector(WebApplication app) => _app = app;

        public Uri Address { get; private set; } = null!;

        public static async Task<FakeCollector> StartAsync()
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.ConfigureKestrel(k => k.Listen(System.Net.IPAddress.Loopback, 0, o => o.Protocols = HttpProtocols.Http2));
            builder.Logging.ClearProviders();
            var app = builder.Build();
            var collector = new FakeCollector(app);
            app.Run(async http =>
            {
                using var body = new MemoryStream();
                await http.Request.Body.CopyToAsync(body);
                collector._received.Enqueue((http.Request.Path.Value!, body.ToArray()));

                // An empty Export*ServiceResponse: a gRPC frame of length 0, then grpc-status 0 in the trailers.
                http.Response.ContentType = "application/grpc";
                http.Response.DeclareTrailer("grpc-status");
                await http.Response.Body.WriteAsync(new byte[5]);
                http.Response.AppendTrailer("grpc-status", "0");
            });
            await app.StartAsync();
            collector.Address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
            return collector;
        }

        /// <summary>The bodies received on <paramref name="path"/>, as Latin-1 text (protobuf strings are UTF-8 inside).</summary>
        public string Bodies(string path)
            => string.Concat(_received.Where(r => r.Path == path).Select(r => Encoding.Latin1.GetString(r.Body)));

        public async ValueTask DisposeAsync()
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
