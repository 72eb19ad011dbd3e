using System.Text;
using System.Xml.Linq;
using SoapMiddleware.Queue.Http;

namespace SoapMiddleware.Queue.Tests.Http;

/// <summary>
/// What the enqueue endpoint stores of a SOAP request: the wsse:Security entries gone, everything else as sent (other
/// headers, whitespace, a carriage return in a value), and a request without a token (or not SOAP) byte for byte.
/// </summary>
public sealed class StoredRequestTests
{
    private const string Wsse = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";

    private static string Envelope(string ns, string header, string body)
        => $"""<?xml version="1.0" encoding="utf-8"?><s:Envelope xmlns:s="{ns}" xmlns:t="urn:t"><s:Header>{header}</s:Header><s:Body>{body}</s:Body></s:Envelope>""";

    private static string Token(string prefix = "wsse")
        => $"""<{prefix}:Security xmlns:{prefix}="{Wsse}" s:mustUnderstand="1"><{prefix}:UsernameToken><{prefix}:Username>alice</{prefix}:Username><{prefix}:Password>wonderland</{prefix}:Password><{prefix}:Nonce>bm9uY2Vub25jZQ==</{prefix}:Nonce></{prefix}:UsernameToken></{prefix}:Security>""";

    [Theory]
    [InlineData("http://schemas.xmlsoap.org/soap/envelope/")]
    [InlineData("http://www.w3.org/2003/05/soap-envelope")]
    public void Token_Removed_TheRestKeptAsSent(string ns)
    {
        var body = "<t:Echo><t:text>  two\r\nlines &amp; spaces  </t:text><t:blank>   </t:blank></t:Echo>";
        var sent = Encoding.UTF8.GetBytes(Envelope(ns, "<t:Trace>abc</t:Trace>" + Token() + Token("o"), body));

        var (payload, contentType) = StoredRequest.WithoutSecurityHeader(sent, "text/xml; charset=utf-8");

        var text = Encoding.UTF8.GetString(payload);
        Assert.DoesNotContain("wonderland", text, StringComparison.Ordinal);
        Assert.DoesNotContain("bm9uY2Vub25jZQ==", text, StringComparison.Ordinal);
        Assert.DoesNotContain(Wsse, text, StringComparison.Ordinal);
        Assert.Equal("text/xml; charset=utf-8", contentType);
        var document = XDocument.Parse(text, LoadOptions.PreserveWhitespace);
        XNamespace t = "urn:t";
        Assert.Equal("abc", document.Descendants(t + "Trace").Single().Value);
        Assert.Equal("  two\nlines & spaces  ", document.Descendants(t + "text").Single().Value); // as any parser reads the request sent
        Assert.Equal("   ", document.Descendants(t + "blank").Single().Value);
        var expected = XDocument.Parse(Encoding.UTF8.GetString(sent), LoadOptions.PreserveWhitespace);
        expected.Descendants(XName.Get("Security", Wsse)).Remove();
        Assert.True(XNode.DeepEquals(expected.Root, document.Root), text);
    }

    [Fact]
    public void CarriageReturnAsACharacterReference_StaysACarriageReturn()
    {
        var sent = Encoding.UTF8.GetBytes(Envelope("http://schemas.xmlsoap.org/soap/envelope/", Token(), "<t:Echo><t:text>a&#xD;b</t:text></t:Echo>"));

        var (payload, _) = StoredRequest.WithoutSecurityHeader(sent, "text/xml");

        Assert.Equal("a\rb", XDocument.Parse(Encoding.UTF8.GetString(payload), LoadOptions.PreserveWhitespace).Descendants(XName.Get("text", "urn:t")).Single().Value);
    }

    [Fact]
    public void NoToken_SameBytes()
    {
        var sent = Encoding.UTF8.GetBytes(Envelope("http://schemas.xmlsoap.org/soap/envelope/", "<t:Trace>abc</t:Trace>", "<t:Echo/>"));

        var (payload, contentType) = StoredRequest.WithoutSecurityHeader(sent, "text/xml");

        Assert.Same(sent, payload);
        Assert.Equal("text/xml", contentType);
    }

    [Fact]
    public void NotSoap_SameBytes()
    {
        var json = Encoding.UTF8.GetBytes("{\"Echo\": {\"text\": \"" + Wsse + "\"}}");
        var other = Encoding.UTF8.GetBytes($"""<Envelope xmlns="urn:not-soap"><Header>{Token().Replace("s:mustUnderstand=\"1\"", "", StringComparison.Ordinal)}</Header></Envelope>""");

        Assert.Same(json, StoredRequest.WithoutSecurityHeader(json, "application/json").Payload);
        Assert.Same(other, StoredRequest.WithoutSecurityHeader(other, "text/xml").Payload);
    }

    [Fact]
    public void Utf16Request_TokenRemoved_StoredAsUtf8()
    {
        var envelope = Envelope("http://schemas.xmlsoap.org/soap/envelope/", Token(), "<t:Echo><t:text>é</t:text></t:Echo>").Replace("utf-8", "utf-16", StringComparison.Ordinal);
        var sent = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(envelope)).ToArray();

        var (payload, contentType) = StoredRequest.WithoutSecurityHeader(sent, "text/xml; charset=utf-16");

        var text = Encoding.UTF8.GetString(payload);
        Assert.DoesNotContain("wonderland", text, StringComparison.Ordinal);
        Assert.Contains("<t:text>é</t:text>", text, StringComparison.Ordinal);
        Assert.Equal("text/xml; charset=utf-8", contentType);
    }
}
