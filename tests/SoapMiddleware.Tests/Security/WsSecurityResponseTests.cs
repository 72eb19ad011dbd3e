using System.Xml.Linq;
using Microsoft.Extensions.Time.Testing;
using static SoapMiddleware.Tests.Infrastructure.SoapRequests;
using static SoapMiddleware.Tests.Security.WsSecurityHost;

namespace SoapMiddleware.Tests.Security;

/// <summary>
/// The response's <c>wsse:Security</c> header, read raw off a real Kestrel: a <c>wsu:Timestamp</c> (Created now,
/// Expires a lifetime later, from the handler's clock) on results and faults of authenticated requests, marked
/// mustUnderstand in the request's SOAP version, and on the refusal of a token; none for anonymous requests, or when
/// turned off.
/// </summary>
public sealed class WsSecurityResponseTests
{
    private static readonly XNamespace WsseNs = SecurityTokens.Wsse;
    private static readonly XNamespace WsuNs = SecurityTokens.Wsu;

    private static string Call(string text = "hi") => $"<t:WhoAmI><t:text>{text}</t:text></t:WhoAmI>";

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Result_ToAnAuthenticatedRequest_CarriesTimestamp_CreatedNow_ExpiresFiveMinutesLater(bool soap12)
    {
        var time = new FakeTimeProvider(Start);
        await using var host = await StartAsync(time);
        var header = soap12
            ? SecurityTokens.Header("alice", Password, true, Start, envelopePrefix: "env", envelopeNamespace: Soap12.NamespaceName)
            : SecurityTokens.Header("alice", Password, true, Start);

        var (status, document, _) = await SendAsync(host.Client, soap12
            ? Soap12Request(host.Url("/secure"), Envelope12(Call(), header))
            : Soap11Request(host.Url("/secure"), Envelope11(Call(), header)));

        Assert.Equal(200, status);
        Assert.Equal("alice:2", BodyContent(document).Value);
        var security = SecurityOf(document);
        Assert.Equal("1", (string?)security.Attribute((soap12 ? Soap12 : Soap11) + "mustUnderstand"));
        var timestamp = Assert.Single(security.Elements());
        Assert.Equal(WsuNs + "Timestamp", timestamp.Name);
        Assert.Equal("_0", (string?)timestamp.Attribute(WsuNs + "Id"));
        Assert.Equal(["Created", "Expires"], timestamp.Elements().Select(e => e.Name.LocalName));
        Assert.Equal("2026-12-07T12:00:00.000Z", (string?)timestamp.Element(WsuNs + "Created"));
        Assert.Equal("2026-12-07T12:05:00.000Z", (string?)timestamp.Element(WsuNs + "Expires"));
    }

    [Fact]
    public async Task Result_LifetimeFromOptions_TimesFromTheHandlersClock()
    {
        var time = new FakeTimeProvider(Start);
        await using var host = await StartAsync(time, options: o => o.ResponseTimestampLifetime = TimeSpan.FromSeconds(90));
        time.Advance(TimeSpan.FromSeconds(12.345));

        var (status, document, _) = await SendAsync(host.Client, Soap11Request(host.Url("/secure"), Envelope11(Call(), SecurityTokens.Header("alice", Password, true, Start))));

        Assert.Equal(200, status);
        var timestamp = SecurityOf(document).Element(WsuNs + "Timestamp")!;
        Assert.Equal("2026-12-07T12:00:12.345Z", (string?)timestamp.Element(WsuNs + "Created"));
        Assert.Equal("2026-12-07T12:01:42.345Z", (string?)timestamp.Element(WsuNs + "Expires"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Fault_OfTheServiceAfterAuthentication_CarriesTimestamp(bool soap12)
    {
        await using var host = await StartAsync(new FakeTimeProvider(Start));
        var header = soap12
            ? SecurityTokens.Header("alice", Password, true, Start, envelopePrefix: "env", envelopeNamespace: Soap12.NamespaceName)
            : SecurityTokens.Header("alice", Password, true, Start);
        const string unknown = "<t:NoSuchOperation/>";

        var (status, document, _) = await SendAsync(host.Client, soap12
            ? Soap12Request(host.Url("/secure"), Envelope12(unknown, header))
            : Soap11Request(host.Url("/secure"), Envelope11(unknown, header)));

        Assert.Equal(500, status);
        Assert.Equal("Fault", BodyContent(document).Name.LocalName);
        Assert.Equal("2026-12-07T12:00:00.000Z", (string?)SecurityOf(document).Element(WsuNs + "Timestamp")!.Element(WsuNs + "Created"));
    }

    [Fact]
    public async Task Anonymous_OnAnOpenEndpoint_NoSecurityHeader()
    {
        await using var host = await StartAsync(new FakeTimeProvider(Start));

        var (status, document, _) = await SendAsync(host.Client, Soap11Request(host.Url("/open"), Envelope11(Call())));

        Assert.Equal(200, status);
        Assert.Equal("(anonymous):2", BodyContent(document).Value);
        Assert.Empty(document.Descendants(WsseNs + "Security"));
    }

    [Fact]
    public async Task RefusedToken_FaultCarriesTimestamp_NoTokenAtAll_None()
    {
        await using var host = await StartAsync(new FakeTimeProvider(Start));

        // A caller that speaks WS-Security gets its refusal stamped (WCF then reads the fault's code); one that sent no
        // Security header gets none back.
        var refused = await SendAsync(host.Client, Soap11Request(host.Url("/secure"), Envelope11(Call(), SecurityTokens.Header("alice", "looking-glass", true, Start))));
        var forbidden = await SendAsync(host.Client, Soap11Request(host.Url("/alice"), Envelope11(Call(), SecurityTokens.Header("bob", Password, true, Start))));
        var missing = await SendAsync(host.Client, Soap11Request(host.Url("/secure"), Envelope11(Call())));

        Assert.Equal(500, refused.Status);
        Assert.Equal("Fault", BodyContent(refused.Document).Name.LocalName);
        var timestamp = SecurityOf(refused.Document).Element(WsuNs + "Timestamp")!;
        Assert.Equal("2026-12-07T12:05:00.000Z", (string?)timestamp.Element(WsuNs + "Expires"));
        Assert.Equal("1", (string?)SecurityOf(refused.Document).Attribute(Soap11 + "mustUnderstand"));
        Assert.Equal(500, forbidden.Status);
        Assert.Equal("2026-12-07T12:00:00.000Z", (string?)SecurityOf(forbidden.Document).Element(WsuNs + "Timestamp")!.Element(WsuNs + "Created"));
        Assert.Equal(500, missing.Status);
        Assert.Equal("Fault", BodyContent(missing.Document).Name.LocalName);
        Assert.Empty(missing.Document.Descendants(WsseNs + "Security"));
    }

    [Fact]
    public async Task TurnedOff_AuthenticatedResultHasNoSecurityHeader()
    {
        await using var host = await StartAsync(new FakeTimeProvider(Start), options: o => o.IncludeResponseTimestamp = false);

        var (status, document, _) = await SendAsync(host.Client, Soap11Request(host.Url("/secure"), Envelope11(Call(), SecurityTokens.Header("alice", Password, true, Start))));

        Assert.Equal(200, status);
        Assert.Equal("alice:2", BodyContent(document).Value);
        Assert.Empty(document.Descendants(WsseNs + "Security"));
    }

    [Fact]
    public void Options_LifetimeUnderASecond_Refused()
    {
        var options = new SoapMiddleware.Security.WsSecurityOptions
        {
            ValidateUsernameToken = (_, _) => Task.FromResult<string?>(null),
            ResponseTimestampLifetime = TimeSpan.FromMilliseconds(500),
        };

        Assert.Contains("ResponseTimestampLifetime", Assert.Throws<InvalidOperationException>(options.Validate).Message, StringComparison.Ordinal);
        options.IncludeResponseTimestamp = false;
        options.Validate();
    }

    /// <summary>The response Header's one <c>wsse:Security</c> entry.</summary>
    private static XElement SecurityOf(XDocument document)
    {
        var header = document.Root!.Elements().Single(e => e.Name.LocalName == "Header");
        return Assert.Single(header.Elements(WsseNs + "Security"));
    }
}
