using System.Net.Http.Headers;
using System.Text;
using System.Xml.Linq;

namespace SoapMiddleware.Tests.Infrastructure;

/// <summary>Raw SOAP 1.1 and 1.2 requests, written by hand so the tests see exactly what goes on the wire.</summary>
public static class SoapRequests
{
    public const string Tns = "http://example.com/calc";
    public static readonly XNamespace Soap11 = "http://schemas.xmlsoap.org/soap/envelope/";
    public static readonly XNamespace Soap12 = "http://www.w3.org/2003/05/soap-envelope";
    public static readonly XNamespace T = Tns;

    public static string Envelope11(string body, string header = "")
        => $"""<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" xmlns:t="{Tns}">{(header.Length > 0 ? $"<soap:Header>{header}</soap:Header>" : "")}<soap:Body>{body}</soap:Body></soap:Envelope>""";

    public static string Envelope12(string body, string header = "")
        => $"""<?xml version="1.0" encoding="utf-8"?><env:Envelope xmlns:env="http://www.w3.org/2003/05/soap-envelope" xmlns:t="{Tns}">{(header.Length > 0 ? $"<env:Header>{header}</env:Header>" : "")}<env:Body>{body}</env:Body></env:Envelope>""";

    public static HttpRequestMessage Soap11Request(Uri url, string envelope, string? soapAction = "\"\"")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(envelope, Encoding.UTF8) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("text/xml; charset=utf-8");
        if (soapAction is not null)
        {
            request.Headers.TryAddWithoutValidation("SOAPAction", soapAction);
        }

        return request;
    }

    public static HttpRequestMessage Soap12Request(Uri url, string envelope, string? action = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(envelope, Encoding.UTF8) };
        request.Content.Headers.Remove("Content-Type");
        request.Content.Headers.TryAddWithoutValidation("Content-Type", "application/soap+xml; charset=utf-8" + (action is null ? "" : $"; action=\"{action}\""));
        return request;
    }

    public static async Task<(int Status, XDocument Document, HttpResponseMessage Response)> SendAsync(HttpClient client, HttpRequestMessage request)
    {
        var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, XDocument.Parse(text), response);
    }

    /// <summary>The first element of the Body (a result wrapper or a Fault).</summary>
    public static XElement BodyContent(XDocument document)
        => document.Root!.Elements().Single(e => e.Name.LocalName == "Body").Elements().First();
}
