using System.Diagnostics;
using System.Net;
using SoapMiddleware.Client.Calls;
using SoapMiddleware.Client.Transport;

namespace SoapMiddleware.Client.Tests.Typed;

/// <summary>Errors a user can act on: HTTP errors with their status and a capped excerpt, timeout apart from cancellation, the size limit.</summary>
public sealed class ClientErrorTests(SampleHost sample, ScriptedServer scripted) : IClassFixture<SampleHost>, IClassFixture<ScriptedServer>
{
    [Fact]
    public void HttpError_CarriesStatusContentTypeAndCappedExcerpt()
    {
        var calculator = ClientFactory.Create<ICalculatorClient>(new Uri(scripted.BaseAddress, "/status/502"), "soap11", o => o.ErrorExcerptBytes = 100);

        var error = Assert.Throws<RpcHttpException>(() => calculator.Add(1, 2));

        Assert.Equal(HttpStatusCode.BadGateway, error.StatusCode);
        Assert.StartsWith("text/html", error.ContentType);
        Assert.Equal(new string('x', 100), error.BodyExcerpt);
        Assert.Contains("HTTP 502", error.Message);
        Assert.Equal("Add", error.Operation);
    }

    [Fact]
    public void HttpError_WithoutABody_SaysSo()
    {
        var calculator = ClientFactory.Create<ICalculatorClient>(new Uri(sample.BaseAddress, "/no/such/endpoint"), "soap11");

        var error = Assert.Throws<RpcHttpException>(() => calculator.Add(1, 2));

        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        Assert.Contains("(empty body)", error.Message);
    }

    [Fact]
    public async Task Timeout_IsATimeoutException_NotACancellation()
    {
        var calculator = ClientFactory.Create<ICalculatorClient>(sample.Endpoint("soap11"), "soap11", o => o.Timeout = TimeSpan.FromMilliseconds(300));
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<TimeoutException>(() => calculator.SleepAsync(3, CancellationToken.None));

        Assert.InRange(clock.Elapsed, TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(2.5));
        Assert.Contains("RpcClientOptions.Timeout", error.Message);
        Assert.Throws<TimeoutException>(() => calculator.Sleep(3));
    }

    [Fact]
    public async Task Cancellation_IsAnOperationCanceledException_NotATimeout()
    {
        var calculator = ClientFactory.Create<ICalculatorClient>(sample.Endpoint("soap11"), "soap11", o => o.Timeout = TimeSpan.FromSeconds(30));
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => calculator.SleepAsync(3, cancel.Token));

        Assert.Equal(cancel.Token, error.CancellationToken);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2.5), $"took {clock.Elapsed}");
    }

    [Fact]
    public void ResponseOverTheLimit_FailsWithoutReadingPastIt()
    {
        var calculator = ClientFactory.Create<ICalculatorClient>(new Uri(scripted.BaseAddress, "/huge"), "soap11", o => o.MaxResponseBytes = 256 * 1024);

        var allocatedBefore = GC.GetTotalAllocatedBytes();

        var error = Assert.Throws<RpcResponseTooLargeException>(() => calculator.Add(1, 2));

        // The server had a GiB to send, chunked (no length declared); a client that buffered it would allocate a GiB.
        var allocated = GC.GetTotalAllocatedBytes() - allocatedBefore;
        Assert.True(allocated < 64L * 1024 * 1024, $"the call allocated {allocated} bytes");
        Assert.True(scripted.HugeBytesWritten > 256 * 1024, "the server did send more than the limit");
        Assert.Equal(256 * 1024, error.Limit);
        Assert.Null(error.DeclaredLength);
        Assert.Contains("MaxResponseBytes", error.Message);
    }

    [Fact]
    public void DeclaredLengthOverTheLimit_FailsBeforeReading()
    {
        var calculator = ClientFactory.Create<ICalculatorClient>(new Uri(scripted.BaseAddress, "/declared"), "soap11", o => o.MaxResponseBytes = 1024);

        var error = Assert.Throws<RpcResponseTooLargeException>(() => calculator.Add(1, 2));

        Assert.Equal(1L << 30, error.DeclaredLength);
    }

    [Fact]
    public void ResponseWithinTheLimit_IsRead()
    {
        var calculator = ClientFactory.Create<ICalculatorClient>(sample.Endpoint("json"), "json", o => o.MaxResponseBytes = 64 * 1024);

        Assert.Equal(500, calculator.GetOrder(1, 500).Lines.Length);
        Assert.Throws<RpcResponseTooLargeException>(() => calculator.GetOrder(1, 5000));
    }

    [Fact]
    public void MessagePackResponse_NotWellFormed_IsInvalidData()
    {
        var calculator = ClientFactory.Create<ICalculatorClient>(new Uri(scripted.BaseAddress, "/msgpack/garbage"), "msgpack");

        var error = Assert.Throws<InvalidDataException>(() => calculator.Add(1, 2));

        Assert.Contains("The response to 'Add' cannot be read", error.Message);
        Assert.Contains("not valid MessagePack", error.Message);
    }

    [Fact]
    public void PerCallHeaders_ActionAndTraceparent_AreSent()
    {
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == RpcClientDiagnostics.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(listener);
        string? traceId = null;
        var calls = 0;
        var calculator = ClientFactory.Create<ICalculatorClient>(new Uri(scripted.BaseAddress, "/headers"), "soap11", o => o.Events
            .AddListener(RpcClientEventNames.MethodCall, c => traceId = Activity.Current?.TraceId.ToString())
            .AddListener(RpcClientEventNames.MethodReturnString, c => c.RequestHeaders["X-Call"] = (++calls).ToString(System.Globalization.CultureInfo.InvariantCulture)));

        Assert.Equal(3, calculator.Add(1, 2));
        Assert.Equal(3, calculator.Add(1, 2));

        var headers = scripted.Headers.ToArray()[^2..];
        Assert.Equal(["1", "2"], headers.Select(h => h["X-Call"]));
        Assert.Equal("\"http://example.com/calc/CalculatorService/Add\"", headers[1]["SOAPAction"]);
        Assert.NotNull(traceId);
        Assert.Contains(traceId, headers[1]["traceparent"]);
    }
}
