using System.Net.Http.Headers;
using System.Text;
using static SoapMiddleware.Tests.Infrastructure.SoapRequests;

namespace SoapMiddleware.Tests.EndToEnd;

/// <summary>Hostile and broken requests get a clear error, never a crash, a hang or a stack trace.</summary>
[Collection(SampleAppCollection.Name)]
public sealed class HardeningTests(SampleAppServer server)
{
    private async Task<(int Status, string FaultString, string Body)> SendSoap11Async(string body)
    {
        var response = await server.Client.SendAsync(Soap11Request(server.SoapUrl, body));
        var text = await response.Content.ReadAsStringAsync();
        var fault = XDocument.Parse(text).Descendants("faultstring").SingleOrDefault()?.Value ?? "";
        return ((int)response.StatusCode, fault, text);
    }

    [Fact]
    public async Task Post_ExternalEntity_ClientFaultAndFileNotRead()
    {
        var xxe = """<?xml version="1.0"?><!DOCTYPE foo [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>""" +
                  Envelope11("<t:Echo><t:text>&xxe;</t:text></t:Echo>").Replace("<?xml version=\"1.0\" encoding=\"utf-8\"?>", "");

        var (status, fault, body) = await SendSoap11Async(xxe);

        Assert.Equal(500, status);
        Assert.Equal("The request contains a DTD; DTDs are not allowed.", fault);
        Assert.DoesNotContain("DtdProcessing", body);
        Assert.DoesNotContain("root:", body);
        Assert.Contains("soap:Client", body);
    }

    [Fact]
    public async Task Post_BillionLaughs_ClientFaultQuickly()
    {
        var bomb = """<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;"><!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;"><!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;"><!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;"><!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;"><!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;"><!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">]>""" +
                   "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body><Echo xmlns=\"http://example.com/calc\"><text>&lol9;</text></Echo></soap:Body></soap:Envelope>";

        var (status, fault, _) = await SendSoap11Async(bomb);

        Assert.Equal(500, status);
        Assert.Equal("The request contains a DTD; DTDs are not allowed.", fault);
    }

    [Fact]
    public async Task Post_LargerThanLimit_413WithFault()
    {
        var text = new string('x', 4 * 1024 * 1024 + 10);

        var (status, fault, _) = await SendSoap11Async(Envelope11($"<t:Echo><t:text>{text}</t:text></t:Echo>"));

        Assert.Equal(413, status);
        Assert.Contains("larger than the limit", fault);
    }

    [Fact]
    public async Task Post_ChunkedLargerThanLimit_413()
    {
        var payload = Encoding.UTF8.GetBytes(Envelope11($"<t:Echo><t:text>{new string('y', 5 * 1024 * 1024)}</t:text></t:Echo>"));
        var content = new StreamContent(new MemoryStream(payload));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("text/xml; charset=utf-8");
        var request = new HttpRequestMessage(HttpMethod.Post, server.SoapUrl) { Content = content };
        request.Headers.TransferEncodingChunked = true;

        var response = await server.Client.SendAsync(request);

        Assert.Equal(413, (int)response.StatusCode);
    }

    [Fact]
    public async Task Post_DeeplyNested_ClientFaultNamesLimit()
    {
        var nested = string.Concat(Enumerable.Repeat("<x>", 10_000)) + string.Concat(Enumerable.Repeat("</x>", 10_000));

        var (status, fault, _) = await SendSoap11Async(Envelope11($"<t:Echo><t:text>{nested}</t:text></t:Echo>"));

        Assert.Equal(500, status);
        Assert.Contains("deeper than the limit of 64", fault);
    }

    [Theory]
    [InlineData("<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body><unclosed></soap:Body>", "not well-formed")]
    [InlineData("", "empty")]
    [InlineData("<hello/>", "not a SOAP envelope")]
    [InlineData("<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body/></soap:Envelope>", "Body is empty")]
    [InlineData("<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"/>", "no Body")]
    public async Task Post_BrokenEnvelope_ClientFaultSaysWhy(string body, string expected)
    {
        var (status, fault, text) = await SendSoap11Async(body);

        Assert.Equal(500, status);
        Assert.Contains(expected, fault);
        Assert.Contains("soap:Client", text);
        Assert.DoesNotContain("   at ", text);
    }

    [Fact]
    public async Task Post_UnknownOperation_ClientFaultNamesIt()
    {
        var (status, fault, _) = await SendSoap11Async(Envelope11("<t:Multiply><t:a>1</t:a></t:Multiply>"));

        Assert.Equal(500, status);
        Assert.Contains("Unknown operation 'Multiply'", fault);
    }

    [Fact]
    public async Task Post_InvalidArgument_ClientFaultNamesElement()
    {
        var (status, fault, text) = await SendSoap11Async(Envelope11("<t:Add><t:a>abc</t:a><t:b>1</t:b></t:Add>"));

        Assert.Equal(500, status);
        Assert.Contains("soap:Client", text);
        Assert.Contains("a", fault);
        Assert.Contains("abc", fault);
    }

    [Fact]
    public async Task Post_Soap12EnvelopeAsTextXml_VersionMismatch()
    {
        var (status, _, text) = await SendSoap11Async(Envelope12("<t:Add><t:a>1</t:a><t:b>1</t:b></t:Add>"));

        Assert.Equal(500, status);
        Assert.Contains("VersionMismatch", text);
    }

    [Fact]
    public async Task Post_UnknownMustUnderstandHeader_MustUnderstandFault()
    {
        var header = "<x:Security xmlns:x=\"urn:other\" soap:mustUnderstand=\"1\">secret</x:Security>";

        var (status, fault, text) = await SendSoap11Async(Envelope11("<t:Add><t:a>1</t:a><t:b>1</t:b></t:Add>", header));

        Assert.Equal(500, status);
        Assert.Contains("soap:MustUnderstand", text);
        Assert.Contains("Security", fault);
    }

    [Fact]
    public async Task Post_UnknownOptionalHeader_Ignored()
    {
        var header = "<x:Trace xmlns:x=\"urn:other\">1</x:Trace>";

        var (status, _, _) = await SendSoap11Async(Envelope11("<t:Add><t:a>1</t:a><t:b>1</t:b></t:Add>", header));

        Assert.Equal(200, status);
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("text/plain")]
    public async Task Post_UnsupportedContentType_415NamesIt(string contentType)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, server.SoapUrl) { Content = new StringContent("{}") };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);

        var response = await server.Client.SendAsync(request);

        Assert.Equal(415, (int)response.StatusCode);
        Assert.Contains(contentType, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Get_WithoutWsdl_405()
    {
        var response = await server.Client.GetAsync("/soap/calculator");

        Assert.Equal(405, (int)response.StatusCode);
        Assert.Contains("POST", response.Content.Headers.Allow);
    }

    [Fact]
    public async Task Put_405()
    {
        var response = await server.Client.PutAsync("/soap/calculator", new StringContent("x"));

        Assert.Equal(405, (int)response.StatusCode);
    }
}
