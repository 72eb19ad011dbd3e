using System.Xml.Linq;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using static SoapMiddleware.Tests.Infrastructure.SoapRequests;
using static SoapMiddleware.Tests.Security.SecurityTokens;
using static SoapMiddleware.Tests.Security.WsSecurityHost;

namespace SoapMiddleware.Tests.Security;

/// <summary>
/// The WS-Security UsernameToken handler on a real Kestrel: who is accepted (text, digest, SOAP 1.1 and 1.2, the user
/// is HttpContext.User), what is refused and with which OASIS fault, replay across two processes sharing a cache,
/// mustUnderstand, and a body left whole for the endpoint.
/// </summary>
public sealed class WsSecurityHandlerTests
{
    private static readonly XNamespace WsseNs = Wsse;

    private static string Call(string text = "hi") => $"<t:WhoAmI><t:text>{text}</t:text></t:WhoAmI>";

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(true, true)]
    public async Task Token_RightPassword_ServedAsTheUser(bool digest, bool soap12)
    {
        var time = new FakeTimeProvider(Start);
        await using var host = await StartAsync(time);
        var header = soap12
            ? SecurityTokens.Header("alice", Password, digest, Start, envelopePrefix: "env", envelopeNamespace: Soap12.NamespaceName)
            : SecurityTokens.Header("alice", Password, digest, Start);

        var (status, document, _) = await SendAsync(host.Client, soap12
            ? Soap12Request(host.Url("/secure"), Envelope12(Call(), header))
            : Soap11Request(host.Url("/secure"), Envelope11(Call(), header)));

        Assert.Equal(200, status);
        Assert.Equal("alice:2", BodyContent(document).Value);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Token_WrongPassword_FailedAuthenticationFault500(bool soap12)
    {
        await using var host = await StartAsync(new FakeTimeProvider(Start));
        var header = SecurityTokens.Header("alice", "looking-glass", digest: true, Start);

        var (status, document, response) = await SendAsync(host.Client, soap12
            ? Soap12Request(host.Url("/secure"), Envelope12(Call(), header))
            : Soap11Request(host.Url("/secure"), Envelope11(Call(), header)));

        Assert.Equal(500, status);
        Assert.Equal(soap12 ? "application/soap+xml" : "text/xml", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(WsseNs + "FailedAuthentication", FaultCode(document, soap12));
        Assert.DoesNotContain("at SoapMiddleware", document.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Token_UnknownUser_SameFaultAsWrongPassword()
    {
        await using var host = await StartAsync(new FakeTimeProvider(Start));

        var (_, unknown, _) = await SendAsync(host.Client, Soap11Request(host.Url("/secure"), Envelope11(Call(), SecurityTokens.Header("mallory", Password, true, Start))));
        var (_, wrong, _) = await SendAsync(host.Client, Soap11Request(host.Url("/secure"), Envelope11(Call(), SecurityTokens.Header("alice", "x", true, Start))));

        Assert.Equal(BodyContent(wrong).ToString(), BodyContent(unknown).ToString());
    }

    [Theory]
    [InlineData(-6, 500)]
    [InlineData(6, 500)]
    [InlineData(-4, 200)]
    [InlineData(4, 200)]
    public async Task Token_CreatedAgainstClock_OnlyWithinSkewAccepted(int minutes, int expected)
    {
        var time = new FakeTimeProvider(Start);
        await using var host = await StartAsync(time);

        var (status, document, _) = await SendAsync(host.Client, Soap11Request(host.Url("/secure"), Envelope11(Call(), SecurityTokens.Header("alice", Password, true, Start.AddMinutes(minutes)))));

        Assert.Equal(expected, status);
        if (expected == 500)
        {
            Assert.Equal(WsseNs + "FailedAuthentication", FaultCode(document, false));
            Assert.Contains("wsu:Created", BodyContent(document).Element("faultstring")!.Value, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Timestamp_Expired_MessageExpiredFault()
    {
        var time = new FakeTimeProvider(Start);
        await using var host = await StartAsync(time, options: o => o.AllowedClockSkew = TimeSpan.FromMinutes(1));
        var header = SecurityTokens.Header("alice", Password, true, Start, expires: Start.AddSeconds(30));
        time.Advance(TimeSpan.FromSeconds(50));
        var accepted = await SendAsync(host.Client, Soap11Request(host.Url("/secure"), Envelope11(Call(), SecurityTokens.Header("alice", Password, true, Start, expires: Start.AddSeconds(30)))));
        time.Advance(TimeSpan.FromSeconds(45));

        var (status, document, _) = await SendAsync(host.Client, Soap11Request(host.Url("/secure"), Envelope11(Call(), header)));

        Assert.Equal(200, accepted.Status);
        Assert.Equal(500, status);
        Assert.Equal(WsseNs + "MessageExpired", FaultCode(document, false));
    }

    [Fact]
    public async Task Nonce_Replayed_FailedAuthenticationInTheSameProcess()
    {
        await using var host = await StartAsync(new FakeTimeProvider(Start));
        var header = SecurityTokens.Header("alice", Password, true, Start);

        var first = await SendAsync(host.Client, Soap11Request(host.Url("/secure"), Envelope11(Call(), header)));
        var (status, document, _) = await SendAsync(host.Client, Soap11Request(host.Url("/secure"), Envelope11(Call(), header)));

        Assert.Equal(200, first.Status);
        Assert.Equal(500, status);
        Assert.Equal(WsseNs + "FailedAuthentication", FaultCode(document, false));
        Assert.Contains("nonce", BodyContent(document).Element("faultstring")!.Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nonce_ReplayedToAnotherProcessSharingADistributedCache_Refused()
    {
        // Two apps (as two processes would) share one IDistributedCache, as a Redis or SQL cache is shared.
        var shared = new MemoryDistributedCache(Options.Create(new MemoryDistributedCacheOptions()));
        await using var one = await StartAsync(new FakeTimeProvider(Start), services: s => s.AddSingleton<IDistributedCache>(shared));
        await using var two = await StartAsync(new FakeTimeProvider(Start), services: s => s.AddSingleton<IDistributedCache>(shared));
        await using var alone = await StartAsync(new FakeTimeProvider(Start));
        var header = SecurityTokens.Header("alice", Password, true, Start);

        var first = await SendAsync(one.Client, Soap11Request(one.Url("/secure"), Envelope11(Call(), header)));
        var replay = await SendAsync(two.Client, Soap11Request(two.Url("/secure"), Envelope11(Call(), header)));
        var elsewhere = await SendAsync(alone.Client, Soap11Request(alone.Url("/secure"), Envelope11(Call(), header)));

        Assert.Equal(200, first.Status);
        Assert.Equal(500, replay.Status);
        Assert.Equal(WsseNs + "FailedAuthentication", FaultCode(replay.Document, false));
        Assert.Equal(200, elsewhere.Status); // its own memory cache never saw the nonce: the shared cache is what refused it
    }

    [Fact]
    public async Task NoToken_ProtectedEndpoint_InvalidSecurityFault_WsdlGet401()
    {
        await using var host = await StartAsync(new FakeTimeProvider(Start));

        var (status, document, _) = await SendAsync(host.Client, Soap11Request(host.Url("/secure"), Envelope11(Call())));
        using var wsdl = await host.Client.GetAsync(host.Url("/secure?wsdl"));
        var open = await SendAsync(host.Client, Soap11Request(host.Url("/open"), Envelope11(Call())));

        Assert.Equal(500, status);
        Assert.Equal(WsseNs + "InvalidSecurity", FaultCode(document, false));
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, wsdl.StatusCode);
        Assert.Equal("(anonymous):2", BodyContent(open.Document).Value);
    }

    [Fact]
    public async Task Policy_RefusesAuthenticatedUser_FailedAuthenticationFault()
    {
        await using var host = await StartAsync(new FakeTimeProvider(Start));

        var bob = await SendAsync(host.Client, Soap11Request(host.Url("/alice"), Envelope11(Call(), SecurityTokens.Header("bob", Password, true, Start))));
        var alice = await SendAsync(host.Client, Soap11Request(host.Url("/alice"), Envelope11(Call(), SecurityTokens.Header("alice", Password, true, Start))));

        Assert.Equal(500, bob.Status);
        Assert.Equal(WsseNs + "FailedAuthentication", FaultCode(bob.Document, false));
        Assert.Contains("not allowed", BodyContent(bob.Document).Element("faultstring")!.Value, StringComparison.Ordinal);
        Assert.Equal(200, alice.Status);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("true")]
    public async Task MustUnderstand_AcceptedToken_Understood_EvenOnAnOpenEndpoint(string value)
    {
        await using var host = await StartAsync(new FakeTimeProvider(Start));

        var secure = await SendAsync(host.Client, Soap11Request(host.Url("/secure"), Envelope11(Call(), SecurityTokens.Header("alice", Password, true, Start, mustUnderstand: value))));
        var open = await SendAsync(host.Client, Soap11Request(host.Url("/open"), Envelope11(Call(), SecurityTokens.Header("alice", Password, true, Start, mustUnderstand: value))));

        Assert.Equal(200, secure.Status);
        Assert.Equal("alice:2", BodyContent(open.Document).Value);
    }

    [Fact]
    public async Task MustUnderstand_NoHandler_MustUnderstandFaultAsBefore()
    {
        await using var host = await StartAsync(withHandler: false);

        var (status, document, _) = await SendAsync(host.Client, Soap11Request(host.Url("/open"), Envelope11(Call(), SecurityTokens.Header("alice", Password, true, Start, mustUnderstand: "1"))));

        Assert.Equal(500, status);
        Assert.Equal("soap:MustUnderstand", BodyContent(document).Element("faultcode")!.Value);
    }

    [Fact]
    public async Task MustUnderstand_RefusedTokenOnAnOpenEndpoint_NotUnderstood()
    {
        await using var host = await StartAsync(new FakeTimeProvider(Start));

        var (status, document, _) = await SendAsync(host.Client, Soap11Request(host.Url("/open"), Envelope11(Call(), SecurityTokens.Header("alice", "wrong", true, Start, mustUnderstand: "1"))));

        Assert.Equal(500, status);
        Assert.EndsWith(":MustUnderstand", BodyContent(document).Element("faultcode")!.Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Body_LargeArgumentAfterTheHeader_ReachesTheMethodWhole()
    {
        await using var host = await StartAsync(new FakeTimeProvider(Start));
        var text = new string('x', 300_000);

        var (status, document, _) = await SendAsync(host.Client, Soap11Request(host.Url("/secure"), Envelope11(Call(text), SecurityTokens.Header("alice", Password, true, Start))));

        Assert.Equal(200, status);
        Assert.Equal("alice:300000", BodyContent(document).Value);
    }

    [Fact]
    public async Task Header_LongerThanTheLimit_InvalidSecurity()
    {
        await using var host = await StartAsync(new FakeTimeProvider(Start), options: o => o.MaxHeaderBytes = 4096);
        var padding = $"<t:Padding>{new string('p', 8000)}</t:Padding>";

        var (status, document, _) = await SendAsync(host.Client, Soap11Request(host.Url("/secure"), Envelope11(Call(), SecurityTokens.Header("alice", Password, true, Start) + padding)));

        Assert.Equal(500, status);
        Assert.Equal(WsseNs + "InvalidSecurity", FaultCode(document, false));
    }

    [Fact]
    public async Task Digest_WithoutNonce_InvalidSecurity()
    {
        await using var host = await StartAsync(new FakeTimeProvider(Start));
        var header = SecurityTokens.Header("alice", Password, true, Start);
        header = System.Text.RegularExpressions.Regex.Replace(header, "<wsse:Nonce.*?</wsse:Nonce>", "");

        var (status, document, _) = await SendAsync(host.Client, Soap11Request(host.Url("/secure"), Envelope11(Call(), header)));

        Assert.Equal(500, status);
        Assert.Equal(WsseNs + "InvalidSecurity", FaultCode(document, false));
    }

    /// <summary>SOAP 1.1's faultcode, or SOAP 1.2's Subcode, resolved against the fault's namespace declarations.</summary>
    private static XName FaultCode(XDocument document, bool soap12)
    {
        var fault = BodyContent(document);
        var code = soap12
            ? fault.Element(Soap12 + "Code")!.Element(Soap12 + "Subcode")!.Element(Soap12 + "Value")!
            : fault.Element("faultcode")!;
        var parts = code.Value.Split(':');
        return code.GetNamespaceOfPrefix(parts[0])! + parts[1];
    }
}
