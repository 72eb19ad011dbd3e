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
    private const string Add = "<t:Add><t:a>40</t:a><t:b>2</t:b></t:Add>";

    [Fact]
    public async Task WsSecurityScheme_RunsOnlyWherePolicyNamesIt()
    {
        var directory = Directory.CreateTempSubdirectory("soapmw-scheme-scope-").FullName;
        try
        {
            await using var app = await SampleAppProcess.StartAsync(Path.Combine(directory, "queue.db"));
            using var client = new HttpClient { BaseAddress = app.BaseAddress };

            var (secure, secureBody) = await SendAsync(client, "/soap/secure/calculator", Envelope11(Add, Token()));
            var (open, openBody) = await SendAsync(client, "/soap/calculator", Envelope11(Add, Token()));
            var svcEnvelope = Envelope11(Add, Token()).Replace($"xmlns:t=\"{Tns}\"", $"xmlns:t=\"{WcfNamespace}\"", StringComparison.Ordinal);
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
            Directory.Delete(directory, recursive: true);
        }
    }

    // A fresh token per request: the nonce of one is refused the second time (replay).
    private static string Token() => SecurityTokens.Header("alice", "wonderland", digest: true, DateTimeOffset.UtcNow, mustUnderstand: "1");

    private static string? FaultCode(XDocument document) => document.Descendants("faultcode").SingleOrDefault()?.Value;

    private static async Task<(HttpStatusCode Status, XDocument Body)> SendAsync(HttpClient client, string path, string envelope, string soapAction = "\"\"")
    {
        using var response = await client.SendAsync(Soap11Request(new Uri(client.BaseAddress!, path), envelope, soapAction));
        return (response.StatusCode, XDocument.Parse(await response.Content.ReadAsStringAsync()));
    }
}
