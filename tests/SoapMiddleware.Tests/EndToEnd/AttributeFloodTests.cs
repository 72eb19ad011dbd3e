using System.Diagnostics;
using System.Net;
using System.Text;
using Xunit.Abstractions;
using static SoapMiddleware.Tests.Infrastructure.SoapRequests;

namespace SoapMiddleware.Tests.EndToEnd;

/// <summary>
/// Attribute and namespace floods: one element with 100,000 attributes (1 MB) took 27 s of CPU and was answered 200,
/// 50,000 namespace declarations 8.9 s. Now the limits (256 attributes, 64 declarations per element and 64 distinct
/// namespaces per request) refuse them in milliseconds, and a flooding client does not slow anyone else down.
/// </summary>
[Collection(SampleAppCollection.Name)]
public sealed class AttributeFloodTests(SampleAppServer server, ITestOutputHelper output)
{
    private static readonly Lazy<string> AttributeFlood = new(() =>
        Envelope11("<t:Add" + string.Concat(Enumerable.Range(0, 100_000).Select(i => $" a{i}=\"x\"")) + "><t:a>1</t:a><t:b>2</t:b></t:Add>"));

    private static readonly Lazy<string> NamespaceFlood = new(() =>
        Envelope11("<t:Add" + string.Concat(Enumerable.Range(0, 50_000).Select(i => $" xmlns:p{i}=\"urn:{i}\"")) + "><t:a>1</t:a><t:b>2</t:b></t:Add>"));

    // The same number of declarations spread over elements, one each: refused at the 65th distinct namespace.
    private static readonly Lazy<string> SpreadNamespaceFlood = new(() =>
        Envelope11("<t:Add><t:a>1</t:a><t:b>2</t:b></t:Add><t:Tail>" + string.Concat(Enumerable.Range(0, 50_000).Select(i => $"<x xmlns=\"urn:{i}\"/>")) + "</t:Tail>"));

    [Fact]
    public async Task AttributeFlood_1MB_RefusedInUnder100ms()
    {
        Assert.InRange(Encoding.UTF8.GetByteCount(AttributeFlood.Value), 1_000_000, 1_200_000);

        var elapsed = await RefuseAsync(AttributeFlood.Value, "The request has an element with more than the limit of 256 attributes.");

        Assert.True(elapsed < TimeSpan.FromMilliseconds(100), $"Refused in {elapsed.TotalMilliseconds:0} ms.");
    }

    [Fact]
    public async Task NamespaceFlood_RefusedInUnder100ms()
    {
        var elapsed = await RefuseAsync(NamespaceFlood.Value, "The request has an element with more than the limit of 64 namespace declarations.");

        Assert.True(elapsed < TimeSpan.FromMilliseconds(100), $"Refused in {elapsed.TotalMilliseconds:0} ms.");
    }

    [Fact]
    public async Task NamespaceFloodOverManyElements_RefusedInUnder100ms()
    {
        var elapsed = await RefuseAsync(SpreadNamespaceFlood.Value, "The request declares more than the limit of 64 distinct namespaces.");

        Assert.True(elapsed < TimeSpan.FromMilliseconds(100), $"Refused in {elapsed.TotalMilliseconds:0} ms.");
    }

    [Fact]
    public async Task WhileOneClientFloods_AnotherClientsAddKeepsP99Under50ms()
    {
        using var flooder = new HttpClient { BaseAddress = server.BaseAddress };
        using var caller = new HttpClient { BaseAddress = server.BaseAddress };
        var flood = Encoding.UTF8.GetBytes(AttributeFlood.Value);
        using var stop = new CancellationTokenSource();
        var floods = 0;
        var flooding = Task.Run(async () =>
        {
            try
            {
                while (!stop.IsCancellationRequested)
                {
                    using var response = await flooder.SendAsync(Raw(flood), stop.Token);
                    Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
                    Interlocked.Increment(ref floods);
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
            }
        });

        for (var i = 0; i < 20; i++)
        {
            await AddAsync(caller, i);
        }

        var latencies = new List<double>();
        var run = Stopwatch.StartNew();
        while (latencies.Count < 400 && run.Elapsed < TimeSpan.FromSeconds(15))
        {
            var started = Stopwatch.GetTimestamp();
            await AddAsync(caller, latencies.Count);
            latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        await stop.CancelAsync();
        await flooding;

        latencies.Sort();
        var p99 = latencies[(int)Math.Ceiling(latencies.Count * 0.99) - 1];
        output.WriteLine($"Add: {latencies.Count} calls, median {latencies[latencies.Count / 2]:0.0} ms, p99 {p99:0.0} ms, max {latencies[^1]:0.0} ms; {floods} floods refused meanwhile");
        Assert.True(Volatile.Read(ref floods) >= 20, $"Only {floods} floods were sent.");
        Assert.True(p99 < 50, $"Add p99 {p99:0.0} ms over {latencies.Count} calls while {floods} floods were refused (median {latencies[latencies.Count / 2]:0.0} ms).");
    }

    /// <summary>
    /// Sends the flood five times; each is a Client fault saying which limit; returns the fastest time (other work on
    /// a busy 2-core machine only adds to a time, and before the limits a flood took seconds every time).
    /// </summary>
    private async Task<TimeSpan> RefuseAsync(string envelope, string expected)
    {
        var bytes = Encoding.UTF8.GetBytes(envelope);
        await SendAsync(bytes, expected); // warm-up: connection, JIT
        var times = new List<TimeSpan>();
        for (var i = 0; i < 5; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await SendAsync(bytes, expected);
            times.Add(Stopwatch.GetElapsedTime(started));
        }

        times.Sort();
        output.WriteLine($"{bytes.Length} bytes refused in {string.Join(", ", times.Select(t => $"{t.TotalMilliseconds:0.0} ms"))}");
        return times[0];
    }

    private async Task SendAsync(byte[] bytes, string expected)
    {
        using var response = await server.Client.SendAsync(Raw(bytes));
        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("soap:Client", text);
        Assert.Equal(expected, XDocument.Parse(text).Descendants("faultstring").Single().Value);
    }

    private HttpRequestMessage Raw(byte[] bytes)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/xml") { CharSet = "utf-8" };
        return new HttpRequestMessage(HttpMethod.Post, server.SoapUrl) { Content = content };
    }

    private async Task AddAsync(HttpClient client, int a)
    {
        var (status, document, _) = await SoapRequests.SendAsync(client, Soap11Request(server.SoapUrl, Envelope11($"<t:Add><t:a>{a}</t:a><t:b>1</t:b></t:Add>")));
        Assert.Equal(200, status);
        Assert.Equal((a + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), BodyContent(document).Value);
    }
}
