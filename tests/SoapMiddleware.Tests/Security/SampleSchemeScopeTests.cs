using System.Diagnostics;
using System.Net;
using System.Xml.Linq;
using static SoapMiddleware.Tests.Infrastructure.SoapRequests;

namespace SoapMiddleware.Tests.Security;

/// <summary>
/// The sample app as its own process, with its own runtime configuration (<c>SampleApp.runtimeconfig.json</c> turns off
/// ASP.NET Core's making the only scheme the default): the WS-Security scheme runs where a policy names it, not on every
/// request, which had cost every call 1.4 KB and about 5 % of processor time. A valid token marked mustUnderstand is
/// accepted at <c>/soap/secure/calculator</c>; at <c>/Calculator.svc</c> and <c>/soap/calculator</c>, which ask for no
/// user, nothing read it, so it is the MustUnderstand fault of any header nobody understood.
/// </summary>
public sealed class SampleSchemeScopeTests
{
    private const string WcfNamespace = "http://example.com/calculator";

    [Fact]
    public async Task WsSecurityScheme_RunsOnlyWherePolicyNamesIt()
    {
        var port = ChildProcess.FreePort();
        var directory = Directory.CreateTempSubdirectory("soapmw-scheme-scope-").FullName;
        using var app = ChildProcess.Start("dotnet",
        [
            Path.Combine(AppContext.BaseDirectory, "SampleApp.dll"), "--urls", $"http://127.0.0.1:{port}",
            "--Logging:LogLevel:Default=Warning", "--Queue:ConnectionString", Path.Combine(directory, "queue.db"),
        ]);
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            await Wait.UntilAsync(() => AnswersAsync(client, app), "the sample app to answer /health", TimeSpan.FromSeconds(30));

            var (secure, secureBody) = await SendAsync(client, "/soap/secure/calculator", Envelope11("<t:Add><t:a>40</t:a><t:b>2</t:b></t:Add>", Token()));
            var (open, openBody) = await SendAsync(client, "/soap/calculator", Envelope11("<t:Add><t:a>40</t:a><t:b>2</t:b></t:Add>", Token()));
            var svcEnvelope = Envelope11("<t:Add><t:a>40</t:a><t:b>2</t:b></t:Add>", Token()).Replace($"xmlns:t=\"{Tns}\"", $"xmlns:t=\"{WcfNamespace}\"", StringComparison.Ordinal);
            var (svc, svcBody) = await SendAsync(client, "/Calculator.svc", svcEnvelope, $"\"{WcfNamespace}/CalculatorService/Add\"");

            Assert.Equal(HttpStatusCode.OK, secure);
            Assert.Contains(secureBody.Descendants(), e => e.Name.LocalName == "AddResult" && e.Value == "42");
            Assert.Equal(HttpStatusCode.InternalServerError, open);
            Assert.Equal("soap:MustUnderstand", FaultCode(openBody));
            Assert.Equal(HttpStatusCode.InternalServerError, svc);
            Assert.EndsWith(":MustUnderstand", FaultCode(svcBody), StringComparison.Ordinal);
        }
        finally
        {
            if (!app.HasExited)
            {
                app.Kill();
                await app.WaitForExitAsync();
            }

            Directory.Delete(directory, recursive: true);
        }
    }

    private static string Token() => SecurityTokens.Header("alice", "wonderland", digest: true, DateTimeOffset.UtcNow, mustUnderstand: "1");

    private static string? FaultCode(XDocument document) => document.Descendants("faultcode").SingleOrDefault()?.Value;

    private static async Task<(HttpStatusCode Status, XDocument Body)> SendAsync(HttpClient client, string path, string envelope, string soapAction = "\"\"")
    {
        using var response = await client.SendAsync(Soap11Request(new Uri(client.BaseAddress!, path), envelope, soapAction));
        return (response.StatusCode, XDocument.Parse(await response.Content.ReadAsStringAsync()));
    }

    private static async Task<bool> AnswersAsync(HttpClient client, Process app)
    {
        Assert.False(app.HasExited, "The sample app exited at start.");
        try
        {
            using var response = await client.GetAsync("/health");
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }
}
