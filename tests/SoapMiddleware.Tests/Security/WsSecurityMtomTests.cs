using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Time.Testing;
using static SoapMiddleware.Tests.Infrastructure.SoapRequests;
using static SoapMiddleware.Tests.Security.WsSecurityHost;

namespace SoapMiddleware.Tests.Security;

/// <summary>
/// The WS-Security handler reading an MTOM request (<c>multipart/related</c>, an <c>application/xop+xml</c> root): the
/// Security header in the root part authenticates as in a plain request, SOAP 1.1 and 1.2, with or without a MIME
/// preamble; a wrong password is the same fault; a root that is not the first part is not searched for.
/// </summary>
public sealed class WsSecurityMtomTests
{
    private const string Boundary = "uuid:5e0c8c4a-mtom-wsse";
    private static readonly XNamespace WsseNs = SecurityTokens.Wsse;

    private static string Call(string text = "hi") => $"<t:WhoAmI><t:text>{text}</t:text></t:WhoAmI>";

    [Theory]
    [InlineData(false, false, "")]
    [InlineData(true, false, "a preamble a MIME reader skips\r\n")]
    [InlineData(false, true, "")]
    [InlineData(true, true, "\r\n")]
    public async Task MtomRequest_TokenInTheRootPart_ServedAsTheUser(bool digest, bool soap12, string preamble)
    {
        await using var host = await StartAsync(new FakeTimeProvider(Start));

        using var response = await host.Client.SendAsync(Mtom(host.Url("/secure"), RootPart(Envelope(soap12, SecurityTokens.Header("alice", Password, digest, Start)), soap12), soap12, preamble));
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(200, (int)response.StatusCode);
        Assert.StartsWith("multipart/related", response.Content.Headers.ContentType!.MediaType, StringComparison.Ordinal);
        Assert.Contains(">alice:2<", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task MtomRequest_WrongPassword_FailedAuthenticationFault(bool soap12)
    {
        await using var host = await StartAsync(new FakeTimeProvider(Start));

        var (status, document, response) = await SendAsync(host.Client, Mtom(host.Url("/secure"), RootPart(Envelope(soap12, SecurityTokens.Header("alice", "looking-glass", digest: true, Start)), soap12), soap12));

        Assert.Equal(500, status);
        Assert.Equal(soap12 ? "application/soap+xml" : "text/xml", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(WsseNs + "FailedAuthentication", FaultCode(document, soap12));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task RequestAboveKestrelsLimit_LiftedToTheEndpointsOwnBeforeThePeek_Served(bool mtom)
    {
        // Kestrel's limit far below the request: the scheme peeks at the body, after which only it could have lifted the limit.
        await using var host = await StartAsync(new FakeTimeProvider(Start), services: s => s.Configure<KestrelServerOptions>(o => o.Limits.MaxRequestBodySize = 64 * 1024));
        var text = new string('x', 300_000);
        var header = SecurityTokens.Header("alice", Password, digest: true, Start);
        var envelope = Envelope11(Call(text), header);
        var attachment = $"--{Boundary}\r\nContent-ID: <extra@test>\r\nContent-Type: application/octet-stream\r\n\r\n{new string('y', 300_000)}\r\n";

        using var response = await host.Client.SendAsync(mtom ? Mtom(host.Url("/secure"), RootPart(envelope, false) + attachment, false) : Soap11Request(host.Url("/secure"), envelope));

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Contains(">alice:300000<", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MtomRequest_RootNotTheFirstPart_NoTokenFound_InvalidSecurity()
    {
        await using var host = await StartAsync(new FakeTimeProvider(Start));
        var attachment = $"--{Boundary}\r\nContent-ID: <first@test>\r\nContent-Type: application/octet-stream\r\n\r\nbytes\r\n";
        var root = RootPart(Envelope(false, SecurityTokens.Header("alice", Password, digest: true, Start)), false);

        var (status, document, _) = await SendAsync(host.Client, Mtom(host.Url("/secure"), attachment + root, false));

        Assert.Equal(500, status);
        Assert.Equal(WsseNs + "InvalidSecurity", FaultCode(document, false));
    }

    private static string Envelope(bool soap12, string header) => soap12 ? Envelope12(Call(), header) : Envelope11(Call(), header);

    private static string RootPart(string envelope, bool soap12)
        => $"--{Boundary}\r\nContent-ID: <root@test>\r\nContent-Transfer-Encoding: 8bit\r\nContent-Type: application/xop+xml; charset=utf-8; type=\"{(soap12 ? "application/soap+xml" : "text/xml")}\"\r\n\r\n{envelope}\r\n";

    private static HttpRequestMessage Mtom(Uri url, string parts, bool soap12, string preamble = "")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(Encoding.UTF8.GetBytes($"{preamble}{parts}--{Boundary}--\r\n")) };
        request.Content.Headers.TryAddWithoutValidation("Content-Type", $"multipart/related; type=\"application/xop+xml\"; boundary=\"{Boundary}\"; start=\"<root@test>\"; start-info=\"{(soap12 ? "application/soap+xml" : "text/xml")}\"");
        if (!soap12)
        {
            request.Headers.TryAddWithoutValidation("SOAPAction", "\"\"");
        }

        return request;
    }

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
