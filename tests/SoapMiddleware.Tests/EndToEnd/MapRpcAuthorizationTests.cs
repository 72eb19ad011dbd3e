using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using static SoapMiddleware.Tests.Infrastructure.SoapRequests;

namespace SoapMiddleware.Tests.EndToEnd;

/// <summary>
/// The README's way to protect the SOAP endpoint: <c>MapRpc(path).RequireAuthorization(...)</c> with the app's
/// authentication, on a real Kestrel. No caller is challenged (401), a caller the policy refuses is forbidden (403),
/// an allowed caller is served; the WSDL on the same route is behind the same policy (docs/server.md, Authorization).
/// </summary>
public sealed class MapRpcAuthorizationTests
{
    [RpcService]
    public sealed class GuardedCalculator
    {
        [RpcMethod]
        public int Add(int a, int b) => a + b;
    }

    [Fact]
    public async Task RequireAuthorization_NoCaller_401WithChallenge_WsdlToo()
    {
        await using var host = await StartAsync();

        using var response = await host.Client.SendAsync(Add(host));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Client.GetAsync("/soap/calculator?wsdl")).StatusCode);
    }

    [Fact]
    public async Task RequireAuthorization_AllowedCaller_Served_WsdlToo()
    {
        await using var host = await StartAsync();
        var token = await SignInAsync(host, "calc");

        var request = Add(host);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var (status, document, _) = await SendAsync(host.Client, request);
        using var wsdlRequest = new HttpRequestMessage(HttpMethod.Get, "/soap/calculator?wsdl");
        wsdlRequest.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var wsdl = await host.Client.SendAsync(wsdlRequest);

        Assert.Equal(200, status);
        Assert.Equal("42", BodyContent(document).Value);
        Assert.Equal(HttpStatusCode.OK, wsdl.StatusCode);
        Assert.Equal("definitions", XDocument.Parse(await wsdl.Content.ReadAsStringAsync()).Root!.Name.LocalName);
    }

    [Fact]
    public async Task RequireAuthorization_CallerThePolicyRefuses_403()
    {
        await using var host = await StartAsync();
        var token = await SignInAsync(host, "reader");

        var request = Add(host);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private static async Task<KestrelApp> StartAsync()
    {
        var builder = KestrelApp.CreateBuilder();
        builder.Services.AddAuthentication().AddBearerToken();
        builder.Services.AddAuthorization(o => o.AddPolicy("calculators", p => p.RequireRole("calc")));
        builder.Services.AddRpc(o => o.Namespace = Tns).AddService<GuardedCalculator>();
        var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        // A sign-in for the test: the bearer token handler issues a token for the role asked.
        app.MapPost("/login", (string role) => Results.SignIn(
            new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "user"), new Claim(ClaimTypes.Role, role)], BearerTokenDefaults.AuthenticationScheme)),
            authenticationScheme: BearerTokenDefaults.AuthenticationScheme));
        app.MapRpc("/soap/calculator").RequireAuthorization("calculators");
        return await KestrelApp.StartAsync(app);
    }

    private static async Task<string> SignInAsync(KestrelApp host, string role)
    {
        using var response = await host.Client.PostAsync($"/login?role={role}", null);
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("accessToken").GetString()!;
    }

    private static HttpRequestMessage Add(KestrelApp host)
        => Soap11Request(host.Url("/soap/calculator"), Envelope11("<t:Add><t:a>40</t:a><t:b>2</t:b></t:Add>"));
}
