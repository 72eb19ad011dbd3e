using System.IO.Compression;
using System.Net.Http.Headers;
using System.Text;

namespace SoapMiddleware.Tests.EndToEnd;

/// <summary>
/// A request whose fault message would repeat a character XML forbids (a control character, a lone surrogate, the
/// bytes of a gzip body read as text) still gets its SOAP fault, with that character replaced: the fault writer must
/// never be the thing that fails (it used to answer 500 with an empty body and log a stack trace).
/// </summary>
[Collection(SampleAppCollection.Name)]
public sealed class ForbiddenXmlCharacterTests(SampleAppServer server)
{
    public static TheoryData<string, string> Requests()
    {
        var data = new TheoryData<string, string>();
        foreach (var path in new[] { "/soap/calculator", "/Calculator.svc", "/queue/calculator" })
        {
            data.Add(path, "control-byte");
            data.Add(path, "lone-surrogate");
            data.Add(path, "gzip");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task Post_ForbiddenCharacterInFault_ClientFaultIsWritten(string path, string kind)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(server.BaseAddress, path)) { Content = new ByteArrayContent(Body(kind, path)) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("text/xml; charset=utf-8");
        request.Headers.TryAddWithoutValidation("SOAPAction", "\"\"");

        var response = await server.Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(500, (int)response.StatusCode);
        var document = XDocument.Parse(text);
        Assert.Equal("soap:Client", document.Descendants("faultcode").Single().Value);
        var fault = document.Descendants("faultstring").Single().Value;
        Assert.NotEmpty(fault);
        Assert.DoesNotContain('\u001F', fault);
        Assert.DoesNotContain(fault, char.IsSurrogate);
        Assert.DoesNotContain("   at ", text);
    }

    [Fact]
    public async Task Post_Soap12ControlByte_FaultIsWritten()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, server.SoapUrl) { Content = new ByteArrayContent([0x1F]) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/soap+xml; charset=utf-8");

        var response = await server.Client.SendAsync(request);
        var document = XDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(500, (int)response.StatusCode);
        Assert.Equal("soap:Sender", document.Descendants(SoapRequests.Soap12 + "Value").First().Value);
        Assert.Contains("'\uFFFD', hexadecimal value 0x1F", document.Descendants(SoapRequests.Soap12 + "Text").Single().Value);
    }

    private static byte[] Body(string kind, string path)
    {
        var ns = path == "/Calculator.svc" ? "http://tempuri.org/" : SoapRequests.Tns;
        var surrogate = $"""<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><Echo xmlns="{ns}"><text>&#xD800;</text></Echo></soap:Body></soap:Envelope>""";
        switch (kind)
        {
            case "control-byte":
                return [0x1F];
            case "lone-surrogate":
                return Encoding.UTF8.GetBytes(surrogate);
            default:
                using (var buffer = new MemoryStream())
                {
                    using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
                    {
                        gzip.Write(Encoding.UTF8.GetBytes(surrogate));
                    }

                    return buffer.ToArray();
                }
        }
    }
}
