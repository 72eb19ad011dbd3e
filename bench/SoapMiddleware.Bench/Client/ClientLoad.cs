using System.Diagnostics;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using SoapMiddleware.Client.Calls;
using SoapMiddleware.Client.Typed;

namespace SoapMiddleware.Bench.Client;

/// <summary>
/// <c>client URL [seconds] [callers] [rounds]</c>: one typed client instance (AddRpcClient, IHttpClientFactory) called by
/// 64 concurrent callers with Echo of a 64-char string against the sample app at URL, against a hand-written
/// HttpClient loop posting the very bytes that client sends (captured from its first call), with the same headers,
/// checking each answer's status and length. Rounds alternate baseline and client; the medians and their ratio print.
/// </summary>
internal static class ClientLoad
{
    private const string Text = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_";

    public static async Task RunAsync(string[] args)
    {
        var address = new Uri(new Uri(args.Length > 0 ? args[0] : "http://127.0.0.1:5000"), "/soap/calculator");
        var seconds = args.Length > 1 ? double.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 10;
        var callers = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 64;
        var rounds = args.Length > 3 ? int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : 3;

        byte[]? sent = null;
        string? contentType = null, action = null;
        var services = new ServiceCollection();
        services.AddRpcClient<IEchoClient>(o =>
        {
            o.Address = address;
            o.Namespace = "http://example.com/calc";
            o.Events.AddListener(RpcClientEventNames.MethodReturnString, context =>
            {
                sent ??= context.RequestBytes.ToArray();
                contentType ??= context.RequestContentType;
            });
        });
        var client = services.BuildServiceProvider().GetRequiredService<IEchoClient>();
        if (await client.EchoAsync(Text) != Text)
        {
            throw new InvalidOperationException("the sample app did not echo the text");
        }

        action = ((RpcClientProxy)(object)client).Client.Description.Operations.Single(o => o.Name == "Echo").Action;
        using var http = new HttpClient();
        var expectedLength = await PostAsync(http, address, sent!, contentType!, action);
        Console.WriteLine($"request {sent!.Length} bytes ({contentType}, SOAPAction \"{action}\"), response {expectedLength} bytes; {callers} callers, {seconds} s x {rounds} rounds");

        await LoadAsync(TimeSpan.FromSeconds(Math.Min(3, seconds)), callers, () => client.EchoAsync(Text));
        await LoadAsync(TimeSpan.FromSeconds(Math.Min(3, seconds)), callers, () => PostAsync(http, address, sent, contentType!, action));
        var ours = new List<double>();
        var baseline = new List<double>();
        for (var round = 1; round <= rounds; round++)
        {
            baseline.Add(await LoadAsync(TimeSpan.FromSeconds(seconds), callers, async () =>
            {
                if (await PostAsync(http, address, sent, contentType!, action) != expectedLength)
                {
                    throw new InvalidOperationException("the baseline's answer changed length");
                }
            }));
            ours.Add(await LoadAsync(TimeSpan.FromSeconds(seconds), callers, async () =>
            {
                if (await client.EchoAsync(Text) != Text)
                {
                    throw new InvalidOperationException("the client's answer is wrong");
                }
            }));
            Console.WriteLine($"round {round}: HttpClient loop {baseline[^1]:F0} calls/s, RpcClient {ours[^1]:F0} calls/s ({ours[^1] / baseline[^1]:P1})");
        }

        var (o, b) = (Median(ours), Median(baseline));
        Console.WriteLine($"| Echo, 64-char string, {callers} callers, one client | RpcClient | {o:F0} calls/s | hand-written HttpClient loop | {b:F0} calls/s | {o / b:F2} | >= 0.8 | {(o / b >= 0.8 ? "met" : "NOT met")} |");
    }

    private static async Task<long> PostAsync(HttpClient http, Uri address, byte[] body, string contentType, string action)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, address)
        {
            Content = new ByteArrayContent(body) { Headers = { ContentType = MediaTypeHeaderValue.Parse(contentType) } },
        };
        request.Headers.TryAddWithoutValidation("SOAPAction", $"\"{action}\"");
        using var response = await http.SendAsync(request);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        return response.IsSuccessStatusCode ? bytes.Length : throw new InvalidOperationException($"HTTP {(int)response.StatusCode}");
    }

    private static async Task<double> LoadAsync(TimeSpan duration, int callers, Func<Task> call)
    {
        long calls = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, callers).Select(_ => Task.Run(async () =>
        {
            while (clock.Elapsed < duration)
            {
                await call();
                Interlocked.Increment(ref calls);
            }
        })));
        return calls / clock.Elapsed.TotalSeconds;
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
}
