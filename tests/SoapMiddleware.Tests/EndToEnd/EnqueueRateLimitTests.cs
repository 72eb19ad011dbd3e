using System.Net;
using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using SampleApp.Services;
using SoapMiddleware.Queue;

namespace SoapMiddleware.Tests.EndToEnd;

/// <summary>
/// One caller cannot fill the queue: <c>AddRpcQueueLimiter</c> with <c>RequireRateLimiting</c> on the enqueue
/// endpoint gives each caller (the authenticated user, else the client address, an IPv6 one by its /64) a window of
/// permits; past it, 429 with <c>Retry-After</c> and a problem+json body. The sample app limits its own.
/// </summary>
public sealed class EnqueueRateLimitTests
{
    private const string AddJson = """{"Add":{"a":1,"b":2}}""";
    private const string UserHeader = "X-Test-User";
    private const string RemoteIpHeader = "X-Test-Remote-Ip";

    [Fact]
    public async Task SampleApp_OverItsLimit_429WithRetryAfterAndProblem_OtherEndpointsOpen()
    {
        var server = new SampleAppServer(["--Queue:EnqueueLimit", "3", "--Queue:EnqueueWindow", "00:05:00"]);
        await server.InitializeAsync();
        try
        {
            await AssertLimitedAsync(server);
        }
        finally
        {
            await server.DisposeAsync();
        }
    }

    private static async Task AssertLimitedAsync(SampleAppServer server)
    {
        for (var i = 0; i < 3; i++)
        {
            using var accepted = await EnqueueAsync(server.Client);
            Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        }

        using var refused = await EnqueueAsync(server.Client);

        var detail = await ProblemJson.AssertAsync(refused, 429);
        Assert.Contains("try again in", detail);
        var retryAfter = int.Parse(Assert.Single(refused.Headers.GetValues("Retry-After")), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 300);
        using var demo = await server.Client.PostAsync("/demo/sleep/1", null);
        Assert.Equal(HttpStatusCode.TooManyRequests, demo.StatusCode);
        using var soap = await server.Client.SendAsync(SoapRequests.Soap11Request(server.SoapUrl, SoapRequests.Envelope11("<t:Add><t:a>1</t:a><t:b>2</t:b></t:Add>")));
        Assert.Equal(HttpStatusCode.OK, soap.StatusCode);
    }

    [Fact]
    public async Task SampleApp_DefaultPolicy_FloodFromOneCaller_Refused()
    {
        var server = new SampleAppServer();
        await server.InitializeAsync();
        try
        {
            await AssertFloodRefusedAsync(server);
        }
        finally
        {
            await server.DisposeAsync();
        }
    }

    private static async Task AssertFloodRefusedAsync(SampleAppServer server)
    {
        // 200 enqueues, 8 at a time: the sample's 120 per 10 s lets the first ones through and refuses the rest.
        var statuses = new List<HttpStatusCode>();
        for (var batch = 0; batch < 25; batch++)
        {
            var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => EnqueueAsync(server.Client)));
            statuses.AddRange(responses.Select(r => r.StatusCode));
            foreach (var response in responses)
            {
                response.Dispose();
            }
        }

        Assert.Equal(200, statuses.Count(s => s is HttpStatusCode.Accepted or HttpStatusCode.TooManyRequests));
        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
        Assert.True(statuses.Count(s => s == HttpStatusCode.Accepted) >= 120, "the first 120 of the window are accepted");
    }

    [Fact]
    public async Task Partitions_ByUserElseAddress_IPv6ByItsSlash64()
    {
        var directory = Directory.CreateTempSubdirectory("soapmw-ratelimit-").FullName;
        try
        {
            await using (var server = await StartAsync(Path.Combine(directory, "queue.db")))
            {
                Assert.Equal(new[] { 202, 202, 429 }, await EnqueueManyAsync(server.Client, 3, user: "alice", address: "10.0.0.1"));
                Assert.Equal(new[] { 202, 202 }, await EnqueueManyAsync(server.Client, 2, user: "bob", address: "10.0.0.1"));
                Assert.Equal(new[] { 202, 202, 429 }, await EnqueueManyAsync(server.Client, 3, user: null, address: "10.0.0.1"));
                Assert.Equal(new[] { 202 }, await EnqueueManyAsync(server.Client, 1, user: null, address: "10.0.0.2"));
                Assert.Equal(new[] { 202, 202 }, await EnqueueManyAsync(server.Client, 2, user: null, address: "2001:db8::1"));
                Assert.Equal(new[] { 429 }, await EnqueueManyAsync(server.Client, 1, user: null, address: "2001:db8::ffff:2"));
                Assert.Equal(new[] { 202 }, await EnqueueManyAsync(server.Client, 1, user: null, address: "2001:db8:0:1::1"));
                Assert.Equal(new[] { 429 }, await EnqueueManyAsync(server.Client, 1, user: null, address: "::ffff:10.0.0.1"));
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    private static Task<HttpResponseMessage> EnqueueAsync(HttpClient client, string? user = null, string? address = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/queue/calculator") { Content = new StringContent(AddJson, Encoding.UTF8, "application/json") };
        if (user is not null)
        {
            request.Headers.Add(UserHeader, user);
        }

        if (address is not null)
        {
            request.Headers.Add(RemoteIpHeader, address);
        }

        return client.SendAsync(request);
    }

    private static async Task<int[]> EnqueueManyAsync(HttpClient client, int count, string? user, string address)
    {
        var statuses = new int[count];
        for (var i = 0; i < count; i++)
        {
            using var response = await EnqueueAsync(client, user, address);
            statuses[i] = (int)response.StatusCode;
        }

        return statuses;
    }

    /// <summary>
    /// A queue endpoint limited to 2 per 5 minutes; <see cref="UserHeader"/> stands for an authenticated user and
    /// <see cref="RemoteIpHeader"/> for the client's address (a test cannot connect from other addresses).
    /// </summary>
    private static Task<TestServer> StartAsync(string database) => TestServer.StartAsync(
        rpc =>
        {
            rpc.AddService<CalculatorService>().AddQueue(o => o.Workers = 1).UseSqlite(database);
            rpc.Services.AddRateLimiter(o => o.AddRpcQueueLimiter("enqueue", w =>
            {
                w.PermitLimit = 2;
                w.Window = TimeSpan.FromMinutes(5);
            }));
        },
        map: app =>
        {
            app.Use((http, next) =>
            {
                if (http.Request.Headers.TryGetValue(UserHeader, out var user))
                {
                    http.User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, user.ToString())], "test"));
                }

                if (http.Request.Headers.TryGetValue(RemoteIpHeader, out var remote))
                {
                    http.Connection.RemoteIpAddress = IPAddress.Parse(remote.ToString());
                }

                return next(http);
            });
            app.UseRateLimiter();
            app.MapRpcQueueEndpoint("/queue/calculator").RequireRateLimiting("enqueue");
            app.MapRpcQueueTasks("/queue/tasks");
        });
}
