using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using SoapMiddleware.Dashboard.Tests.Infrastructure;

namespace SoapMiddleware.Dashboard.Tests;

/// <summary>How the sample app serves <c>/rpc-dashboard</c>: who may see it, and the headers that keep it self-contained.</summary>
public sealed class RpcDashboardEndpointExtensionsTests
{
    [Theory]
    [InlineData("/rpc-dashboard")]
    [InlineData("/queue/api/stats")]
    public async Task MapRpcDashboard_NonLocalRequest_Refused403LikeTheApi(string path)
    {
        await using var app = await DashboardApp.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add(DashboardApp.RemoteIpHeader, "203.0.113.7");

        using var response = await app.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("local requests only", await response.Content.ReadAsStringAsync());
        Assert.DoesNotContain("<script>", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("::1")]
    public async Task MapRpcDashboard_LoopbackRequest_ServesThePage(string address)
    {
        await using var app = await DashboardApp.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/rpc-dashboard");
        request.Headers.Add(DashboardApp.RemoteIpHeader, address);

        using var response = await app.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("<meta name=\"rpc-api\" content=\"/queue/api\">", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task MapRpcDashboard_Page_StrictCspAllowsOnlyItsOwnInlineScriptAndStyle()
    {
        await using var app = await DashboardApp.StartAsync();

        using var response = await app.Client.GetAsync("/rpc-dashboard");
        var html = await response.Content.ReadAsStringAsync();

        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'none'", csp);
        Assert.Contains("connect-src 'self'", csp);
        Assert.Contains($"script-src '{Hash(html, "script")}'", csp);
        Assert.Contains($"style-src '{Hash(html, "style")}'", csp);
        Assert.DoesNotContain("unsafe", csp);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        // Nothing from elsewhere: no external script, stylesheet, font or image, and no markup built from strings.
        Assert.DoesNotMatch(new Regex(@"(src|href)\s*=\s*[""']?(https?:)?//", RegexOptions.IgnoreCase), html);
        Assert.DoesNotContain("@import", html);
        Assert.DoesNotContain("innerHTML", html);
        Assert.DoesNotContain("insertAdjacentHTML", html);
    }

    [Fact]
    public void MapRpcDashboard_ManagementPolicySet_RequiresThatPolicyInsteadOfLocalOnly()
    {
        var builder = KestrelApp.CreateBuilder();
        builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie();
        builder.Services.AddAuthorization(o => o.AddPolicy("queue-admins", p => p.RequireAuthenticatedUser()));
        builder.Services.AddRpc().AddService<SampleApp.Services.CalculatorService>()
            .AddQueue(o => { o.Role = SoapMiddleware.Queue.QueueRole.Web; o.ManagementPolicy = "queue-admins"; })
            .UseSqlite(Path.Combine(Directory.CreateTempSubdirectory("soapmw-policy-").FullName, "queue.db"));
        var app = builder.Build();
        app.MapRpcQueue("/queue/api");
        app.MapRpcDashboard("/rpc-dashboard", "/queue/api");

        var endpoint = DashboardEndpoint(app);

        Assert.NotNull(endpoint);
        Assert.Contains(endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>(), a => a.Policy == "queue-admins");
    }

    [Fact]
    public void SampleApp_ManagementPolicyThatNoCodeRegisters_StartupSaysWhatToAdd()
    {
        // The sample registers no authorization policy: naming one in configuration alone used to answer 500 on every
        // management request; now startup stops and says what is missing.
        var error = Assert.Throws<InvalidOperationException>(() => SampleApp.SampleApplication.Create(["--Queue:ManagementPolicy", "queue-admins"]));

        Assert.Contains("Queue:ManagementPolicy names the policy 'queue-admins'", error.Message);
        Assert.Contains("AddAuthorization", error.Message);
    }

    [Fact]
    public void ManagementPolicy_WithoutAuthentication_StartupSaysWhatToAdd()
    {
        var builder = KestrelApp.CreateBuilder();
        builder.Services.AddAuthorization(o => o.AddPolicy("queue-admins", p => p.RequireAuthenticatedUser()));
        builder.Services.AddRpc().AddService<SampleApp.Services.CalculatorService>()
            .AddQueue(o => { o.Role = SoapMiddleware.Queue.QueueRole.Web; o.ManagementPolicy = "queue-admins"; })
            .UseSqlite(Path.Combine(Directory.CreateTempSubdirectory("soapmw-policy-").FullName, "queue.db"));
        var app = builder.Build();

        var error = Assert.Throws<InvalidOperationException>(() => app.MapRpcQueue("/queue/api"));

        Assert.Contains("no authentication scheme", error.Message);
    }

    [Fact]
    public void MapRpcDashboard_NoPolicy_NoAuthorizationMetadata()
    {
        var app = SampleApp.SampleApplication.Create([]);

        var endpoint = DashboardEndpoint(app);

        Assert.NotNull(endpoint);
        Assert.Empty(endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>());
    }

    [Fact]
    public void SampleApp_WorkersRole_HasNoDashboard()
    {
        var app = SampleApp.SampleApplication.Create(["--Queue:Role", "Workers"]);

        Assert.Null(DashboardEndpoint(app));
    }

    private static RouteEndpoint? DashboardEndpoint(WebApplication app)
        => app.Services.GetServices<EndpointDataSource>()
            .Concat(((IEndpointRouteBuilder)app).DataSources)
            .SelectMany(d => d.Endpoints)
            .OfType<RouteEndpoint>()
            .FirstOrDefault(e => e.RoutePattern.RawText?.TrimEnd('/') == "/rpc-dashboard");

    private static string Hash(string html, string element)
    {
        var start = html.IndexOf($"<{element}>", StringComparison.Ordinal) + element.Length + 2;
        var end = html.IndexOf($"</{element}>", start, StringComparison.Ordinal);
        return "sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(html[start..end])));
    }
}
