using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using SoapMiddleware.Client.Calls;

namespace SoapMiddleware.Bench.Client;

/// <summary>
/// <c>client-micro URL [N]</c>: what one typed client call costs on the caller's side, without a network. A first call
/// to the sample app at URL captures the real request and response bytes; then N sequential calls run through the
/// client (AddRpcClient, IHttpClientFactory) over a handler that answers those response bytes at once, beside N posts
/// of the captured request through a plain HttpClient over the same handler: ns and bytes allocated per call, and the
/// difference, which is the client's own work (writing the request, reading the response, events, metrics, timeout).
/// </summary>
internal static class ClientMicro
{
    private const string Text = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_";

    public static async Task RunAsync(string[] args)
    {
        var address = new Uri(new Uri(args.Length > 0 ? args[0] : "http://127.0.0.1:5000"), "/soap/calculator");
        var count = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 100_000;

        byte[]? request = null, response = null;
        string? requestType = null, responseType = null;
        var live = Build(address, null, context =>
        {
            request ??= context.RequestBytes.ToArray();
            requestType ??= context.RequestContentType;
            response ??= context.ResponseBytes.ToArray();
            responseType ??= context.ResponseContentType;
        });
        if (await live.EchoAsync(Text) != Text)
        {
            throw new InvalidOperationException("the sample app did not echo the text");
        }

        var handler = new FixedHandler(response!, responseType!);
        var client = Build(address, handler, null);
        using var http = new HttpClient(handler, disposeHandler: false);
        Console.WriteLine($"request {request!.Length} bytes, response {response!.Length} bytes, {count} sequential calls each, no network");

        var baseline = await MeasureAsync(count, async () =>
        {
            using var message = new HttpRequestMessage(HttpMethod.Post, address) { Content = new ByteArrayContent(request) { Headers = { ContentType = MediaTypeHeaderValue.Parse(requestType!) } } };
            using var answer = await http.SendAsync(message);
            _ = await answer.Content.ReadAsByteArrayAsync();
        });
        var ours = await MeasureAsync(count, async () =>
        {
            if (await client.EchoAsync(Text) != Text)
            {
                throw new InvalidOperationException("wrong echo");
            }
        });
        var description = ((SoapMiddleware.Client.Typed.RpcClientProxy)(object)client).Client.Description;
        var protocol = SoapMiddleware.Protocols.RpcBuiltInProtocols.Create("soap11", description, new RpcOptions())!;
        var echo = description.FindOperation("Echo")!;
        object?[] arguments = [Text];
        var write = await MeasureAsync(count, () => { _ = ((SoapMiddleware.Protocols.IRpcRequestWriter)protocol).WriteRequest(echo, arguments); return Task.CompletedTask; });
        var read = await MeasureAsync(count, () => { _ = ((SoapMiddleware.Protocols.IRpcResponseReader)protocol).ReadResponse(echo, response); return Task.CompletedTask; });
        Console.WriteLine($"| protocol WriteRequest | {write.Ns:F0} ns | {write.Bytes:F0} B |");
        Console.WriteLine($"| protocol ReadResponse | {read.Ns:F0} ns | {read.Bytes:F0} B |");
        Console.WriteLine($"| HttpClient post of fixed bytes | {baseline.Ns:F0} ns | {baseline.Bytes:F0} B |");
        Console.WriteLine($"| RpcClient.EchoAsync | {ours.Ns:F0} ns | {ours.Bytes:F0} B |");
        Console.WriteLine($"| the client's own work | {ours.Ns - baseline.Ns:F0} ns | {ours.Bytes - baseline.Bytes:F0} B |");
    }

    private static IEchoClient Build(Uri address, HttpMessageHandler? handler, Action<RpcCallContext>? onAccept)
    {
        var services = new ServiceCollection();
        var builder = services.AddRpcClient<IEchoClient>(o =>
        {
            o.Address = address;
            o.Namespace = "http://example.com/calc";
            if (onAccept is not null)
            {
                o.Events.AddListener(RpcClientEventNames.MethodAcceptDocument, onAccept);
            }
        });
        if (handler is not null)
        {
            builder.ConfigurePrimaryHttpMessageHandler(() => handler);
        }

        return services.BuildServiceProvider().GetRequiredService<IEchoClient>();
    }

    private static async Task<(double Ns, double Bytes)> MeasureAsync(int count, Func<Task> call)
    {
        for (var i = 0; i < Math.Min(count, 20_000); i++)
        {
            await call();
        }

        var bytes = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            await call();
        }

        clock.Stop();
        return (clock.Elapsed.TotalNanoseconds / count, (GC.GetTotalAllocatedBytes(precise: true) - bytes) / (double)count);
    }

    /// <summary>Answers every request at once with the captured response, after draining the request's content.</summary>
    private sealed class FixedHandler(byte[] body, string contentType) : HttpMessageHandler
    {
        private readonly MediaTypeHeaderValue _type = MediaTypeHeaderValue.Parse(contentType);

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.Content is not null)
            {
                await request.Content.CopyToAsync(Stream.Null, cancellationToken);
            }

            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(body) { Headers = { ContentType = _type } }, RequestMessage = request };
        }
    }
}
