using System.Net;
using Hangfire.Dashboard;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using SoapMiddleware.Tests.Infrastructure;
using SoapMiddleware.Hangfire;

namespace SoapMiddleware.Tests.EndToEnd;

/// <summary>Hangfire's dashboard, mapped by <c>MapRpcQueueHangfireDashboard</c>, decides "local" as the management API does.</summary>
public sealed class ManagementHangfireDashboardTests
{
    [Theory]
    [InlineData("127.0.0.1", null, null, null, true)]
    [InlineData("::1", null, "localhost:5000", null, true)]
    [InlineData("127.0.0.1", null, "127.0.0.1:5000", null, true)]
    [InlineData(null, null, null, null, false)]
    [InlineData("127.0.0.1", "X-Forwarded-For", null, null, false)]
    [InlineData("127.0.0.1", "Forwarded", null, null, false)]
    [InlineData("127.0.0.1", "X-Original-For", null, null, false)]
    [InlineData("127.0.0.1", null, "evil.example", null, false)]
    [InlineData("203.0.113.7", null, null, null, false)]
    [InlineData("127.0.0.1", null, "localhost:5000", "http://localhost:5000", true)]
    [InlineData("127.0.0.1", null, "localhost:5000", "http://evil.example", false)]
    public void Filter_LocalOnly(string? remote, string? proxyHeader, string? host, string? postOrigin, bool allowed)
    {
        var http = Request(remote, proxyHeader, host, postOrigin);

        Assert.Equal(allowed, Authorize(new RpcQueueDashboardAuthorizationFilter(), http));
    }

    [Theory]
    [InlineData("203.0.113.7", null, true)]
    [InlineData(null, null, true)]
    [InlineData("203.0.113.7", "https://queue.example.com", true)]
    [InlineData("203.0.113.7", "http://evil.example", false)]
    public void Filter_PolicyMode_LeavesWhoToThePolicyButRefusesCrossSiteWrites(string? remote, string? postOrigin, bool allowed)
    {
        var http = Request(remote, "X-Forwarded-For", "queue.example.com", postOrigin);
        http.Request.Scheme = "https";

        Assert.Equal(allowed, Authorize(new RpcQueueDashboardAuthorizationFilter(localOnly: false), http));
    }

    [Fact]
    public async Task SampleAppOnHangfire_ProxiedOrForeignHostOrCrossSiteWrite_Refused()
    {
        await using var app = await KestrelApp.StartAsync(SampleApp.SampleApplication.Create(
            ["--urls", "http://127.0.0.1:0", "--Logging:LogLevel:Default", "Warning", "--Queue:Engine", "Hangfire", "--Queue:Workers", "1"]));
        try
        {
            var address = app.BaseAddress.ToString();
            var client = app.Client;

            using var plain = await client.GetAsync("/hangfire");
            using var proxied = await client.SendAsync(With(new HttpRequestMessage(HttpMethod.Get, "/hangfire"), "X-Forwarded-For", "127.0.0.1"));
            var foreign = new HttpRequestMessage(HttpMethod.Get, "/hangfire");
            foreign.Headers.Host = "evil.example";
            using var rebound = await client.SendAsync(foreign);
            using var crossSite = await client.SendAsync(With(new HttpRequestMessage(HttpMethod.Post, "/hangfire/jobs/failed/requeue") { Content = new FormUrlEncodedContent([]) }, "Origin", "http://evil.example"));
            using var sameSite = await client.SendAsync(With(new HttpRequestMessage(HttpMethod.Post, "/hangfire/jobs/failed/requeue") { Content = new FormUrlEncodedContent([]) }, "Origin", address.TrimEnd('/')));

            Assert.Equal(HttpStatusCode.OK, plain.StatusCode);
            // Refused as the management API refuses: 403 with a problem+json that says why (Hangfire's own is a bare 401).
            Assert.Contains("came through a proxy", await ProblemJson.AssertAsync(proxied, 403));
            Assert.Contains("addressed to 'evil.example'", await ProblemJson.AssertAsync(rebound, 403));
            Assert.Contains("Origin", await ProblemJson.AssertAsync(crossSite, 403));
            Assert.NotEqual(HttpStatusCode.Unauthorized, sameSite.StatusCode);
            Assert.NotEqual(HttpStatusCode.Forbidden, sameSite.StatusCode);
        }
        finally
        {
            await app.StopAsync();
        }

        static HttpRequestMessage With(HttpRequestMessage request, string header, string value)
        {
            request.Headers.TryAddWithoutValidation(header, value);
            return request;
        }
    }

    [Fact]
    public void Check_RefusedUnderThePathBase_LogsTheFullPath()
    {
        // Hangfire's dashboard runs with the pattern as PathBase: the dashboard's home is Path "" under "/hangfire".
        var logs = new ListLoggerProvider();
        var http = Request("127.0.0.1", "X-Forwarded-For", null, null);
        http.RequestServices = new ServiceCollection().AddLogging(b => b.AddProvider(logs)).BuildServiceProvider();
        http.Request.Method = HttpMethods.Get;
        http.Request.PathBase = "/hangfire";
        http.Request.Path = "";

        Assert.False(Authorize(new RpcQueueDashboardAuthorizationFilter(), http));

        var line = Assert.Single(logs.Entries).Message;
        Assert.StartsWith("Management request GET /hangfire from 127.0.0.1 refused", line);
    }

    private static DefaultHttpContext Request(string? remote, string? proxyHeader, string? host, string? postOrigin)
    {
        var http = new DefaultHttpContext { RequestServices = new ServiceCollection().BuildServiceProvider() };
        http.Request.Scheme = "http";
        http.Connection.RemoteIpAddress = remote is null ? null : IPAddress.Parse(remote);
        http.Connection.LocalIpAddress = remote is null ? null : IPAddress.Loopback;
        if (proxyHeader is not null)
        {
            http.Request.Headers[proxyHeader] = "127.0.0.1";
        }

        if (host is not null)
        {
            http.Request.Host = new HostString(host);
        }

        if (postOrigin is not null)
        {
            http.Request.Method = HttpMethods.Post;
            http.Request.Headers.Origin = postOrigin;
        }

        return http;
    }

    private static bool Authorize(RpcQueueDashboardAuthorizationFilter filter, HttpContext http)
    {
        // Hangfire keeps one process-wide log provider, set by the last app that configured Hangfire (the Hangfire-engine
        // tests of this assembly); once that app is disposed its logger factory is too, and a new storage asking it for
        // a logger throws. This filter test hosts no app: it resets the provider to Hangfire's own lookup.
        global::Hangfire.Logging.LogProvider.SetCurrentLogProvider(null);
        using var storage = new global::Hangfire.InMemory.InMemoryStorage();
        return filter.Authorize(new AspNetCoreDashboardContext(storage, new global::Hangfire.DashboardOptions(), http));
    }
}
