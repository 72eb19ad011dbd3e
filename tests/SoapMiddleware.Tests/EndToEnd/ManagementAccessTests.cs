using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace SoapMiddleware.Tests.EndToEnd;

/// <summary>
/// Who may use the management API and the dashboard with the default configuration (local requests only), and how
/// state-changing calls are kept out of other sites' reach, on the running sample app.
/// </summary>
[Collection(SampleAppCollection.Name)]
public sealed class ManagementAccessTests(SampleAppServer server)
{
    private const string Header = "X-SoapMiddleware-Management";
    private const string UnknownTask = "1-00000000000000000000000000000000";

    [Theory]
    [InlineData("/queue/api/stats")]
    [InlineData("/rpc-dashboard")]
    public async Task Loopback_NoProxyHeaders_Allowed(string path)
    {
        using var response = await server.Client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("/queue/api/stats", "X-Forwarded-For", "127.0.0.1")]
    [InlineData("/rpc-dashboard", "X-Forwarded-For", "127.0.0.1")]
    [InlineData("/queue/api/stats", "Forwarded", "for=127.0.0.1;proto=http")]
    [InlineData("/rpc-dashboard", "Forwarded", "for=127.0.0.1")]
    [InlineData("/queue/api/tasks", "X-Real-IP", "127.0.0.1")]
    [InlineData("/queue/api/workers", "X-Original-For", "127.0.0.1:4711")]
    public async Task LoopbackThroughAProxy_Refused403(string path, string header, string value)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.TryAddWithoutValidation(header, value);

        using var response = await server.Client.SendAsync(request);

        await AssertProblemAsync(response, "local requests only", "came through a proxy", header);
    }

    [Theory]
    [InlineData("/queue/api/stats", "evil.example")]
    [InlineData("/rpc-dashboard", "evil.example")]
    [InlineData("/queue/api/tasks", "rebind.attacker.test:8080")]
    public async Task HostNotThisMachine_Refused403AgainstDnsRebinding(string path, string host)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Host = host;

        using var response = await server.Client.SendAsync(request);

        await AssertProblemAsync(response, "local requests only", $"addressed to '{host}'");
    }

    [Theory]
    [InlineData("localhost")]
    [InlineData("LOCALHOST:1234")]
    [InlineData("127.0.0.1")]
    [InlineData("[::1]:5000")]
    public async Task HostLocalNameAnyPort_Allowed(string host)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/queue/api/stats");
        request.Headers.Host = host;

        using var response = await server.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("POST", "/queue/api/tasks/" + UnknownTask + "/retry")]
    [InlineData("DELETE", "/queue/api/tasks/" + UnknownTask)]
    [InlineData("DELETE", "/queue/api/recurring/nightly")]
    public async Task Write_WithoutManagementHeader_Refused403WithProblemJson(string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);

        using var response = await server.Client.SendAsync(request);

        await AssertProblemAsync(response, Header, "a cross-site form cannot");
    }

    [Fact]
    public async Task Write_CrossSiteFormAsCurlSendsIt_Refused403()
    {
        // The reproduction: a form post from another origin, no custom header.
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/queue/api/tasks/{UnknownTask}/retry")
        {
            Content = new FormUrlEncodedContent([]),
        };
        request.Headers.Add("Origin", "http://evil.example");

        using var response = await server.Client.SendAsync(request);

        await AssertProblemAsync(response, Header);
    }

    [Theory]
    [InlineData("http://evil.example")]
    [InlineData("null")]
    [InlineData("https://127.0.0.1")]
    public async Task Write_WithHeaderButAnotherOrigin_Refused403(string origin)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/queue/api/tasks/{UnknownTask}/retry");
        request.Headers.Add(Header, "1");
        request.Headers.Add("Origin", origin);

        using var response = await server.Client.SendAsync(request);

        await AssertProblemAsync(response, $"Origin '{origin}'", "not this server's origin");
    }

    [Fact]
    public async Task Write_WithHeaderAndNoOriginButCrossSiteFetchMetadata_Refused403()
    {
        using var request = new HttpRequestMessage(HttpMethod.Delete, $"/queue/api/tasks/{UnknownTask}");
        request.Headers.Add(Header, "1");
        request.Headers.Add("Sec-Fetch-Site", "same-site");

        using var response = await server.Client.SendAsync(request);

        await AssertProblemAsync(response, "Sec-Fetch-Site");
    }

    [Fact]
    public async Task Write_WithHeaderAndOwnOrigin_PassesToTheApi()
    {
        using var withOrigin = new HttpRequestMessage(HttpMethod.Post, $"/queue/api/tasks/{UnknownTask}/retry");
        withOrigin.Headers.Add(Header, "1");
        withOrigin.Headers.Add("Origin", server.BaseAddress.GetLeftPart(UriPartial.Authority));
        withOrigin.Headers.Add("Sec-Fetch-Site", "same-origin");
        using var withoutOrigin = new HttpRequestMessage(HttpMethod.Delete, $"/queue/api/tasks/{UnknownTask}");
        withoutOrigin.Headers.Add(Header, "1");

        using var retried = await server.Client.SendAsync(withOrigin);
        using var deleted = await server.Client.SendAsync(withoutOrigin);

        // 404: the request reached the API, which has no such task.
        Assert.Equal(HttpStatusCode.NotFound, retried.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, deleted.StatusCode);
    }

    [Fact]
    public async Task DashboardPage_StillServedAndItsScriptSendsTheHeader()
    {
        var html = await server.Client.GetStringAsync("/rpc-dashboard");

        Assert.Contains($"\"{Header}\": \"1\"", html);
    }

    [Theory]
    [InlineData("/queue/api/stats")]
    [InlineData("/rpc-dashboard")]
    public async Task ForwardedHeadersEnabled_SpoofedLoopbackFromAnotherMachine_Refused403(string path)
    {
        await using var app = await ManagementTestApp.StartAsync(forwardedHeaders: true);
        using var probe = Spoofed("/probe/remote");
        using var request = Spoofed(path);

        using var seen = await app.Client.SendAsync(probe);
        using var response = await app.Client.SendAsync(request);

        // The middleware did rewrite the address to loopback: only the raw connection tells the truth.
        Assert.Equal("127.0.0.1", await seen.Content.ReadAsStringAsync());
        await AssertProblemAsync(response, "local requests only", "X-Original-For");

        static HttpRequestMessage Spoofed(string path)
        {
            var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.Add(ManagementTestApp.RemoteIpHeader, "203.0.113.7");
            request.Headers.Add("X-Forwarded-For", "127.0.0.1");
            return request;
        }
    }

    [Fact]
    public async Task ForwardedHeadersEnabled_LoopbackWithForwardedFor_Refused403()
    {
        await using var app = await ManagementTestApp.StartAsync(forwardedHeaders: true);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/queue/api/stats");
        request.Headers.Add("X-Forwarded-For", "127.0.0.1");

        using var response = await app.Client.SendAsync(request);

        await AssertProblemAsync(response, "came through a proxy");
    }

    [Fact]
    public async Task ForwardedHeadersEnabled_PlainLoopback_StillAllowed()
    {
        await using var app = await ManagementTestApp.StartAsync(forwardedHeaders: true);

        using var response = await app.Client.GetAsync("/queue/api/stats");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("/queue/api/stats")]
    [InlineData("/rpc-dashboard")]
    public async Task NoRemoteAddress_Refused403(string path)
    {
        await using var app = await ManagementTestApp.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add(ManagementTestApp.RemoteIpHeader, "none");

        using var response = await app.Client.SendAsync(request);

        await AssertProblemAsync(response, "local requests only", "no remote IP address");
    }

    [Theory]
    [InlineData("/queue/api/stats")]
    [InlineData("/rpc-dashboard")]
    public async Task UnixSocket_Refused403(string path)
    {
        await using var app = await ManagementTestApp.StartAsync(unixSocket: true);

        using var response = await app.Client.GetAsync(path);

        await AssertProblemAsync(response, "local requests only", "Unix socket");
    }

    [Fact]
    public async Task PolicySet_RemoteAndProxiedAllowedByThePolicyButWritesStillNeedTheHeader()
    {
        await using var app = await ManagementTestApp.StartAsync(openPolicy: true);
        using var read = new HttpRequestMessage(HttpMethod.Get, "/queue/api/stats");
        read.Headers.Add(ManagementTestApp.RemoteIpHeader, "203.0.113.7");
        read.Headers.Add("X-Forwarded-For", "198.51.100.1");
        read.Headers.Host = "queue.example.com";
        using var formPost = new HttpRequestMessage(HttpMethod.Post, $"/queue/api/tasks/{UnknownTask}/retry");
        formPost.Headers.Add(ManagementTestApp.RemoteIpHeader, "203.0.113.7");
        formPost.Headers.Add("Origin", "http://evil.example");
        using var apiPost = new HttpRequestMessage(HttpMethod.Post, $"/queue/api/tasks/{UnknownTask}/retry");
        apiPost.Headers.Add(ManagementTestApp.RemoteIpHeader, "203.0.113.7");
        apiPost.Headers.Add(Header, "1");

        using var readResponse = await app.Client.SendAsync(read);
        using var formResponse = await app.Client.SendAsync(formPost);
        using var apiResponse = await app.Client.SendAsync(apiPost);

        Assert.Equal(HttpStatusCode.OK, readResponse.StatusCode);
        await AssertProblemAsync(formResponse, Header);
        Assert.Equal(HttpStatusCode.NotFound, apiResponse.StatusCode);
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, params string[] details)
    {
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(403, problem.GetProperty("status").GetInt32());
        var detail = problem.GetProperty("detail").GetString()!;
        foreach (var expected in details)
        {
            Assert.Contains(expected, detail, StringComparison.Ordinal);
        }
    }
}
