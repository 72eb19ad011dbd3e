using System.Net.Http.Headers;
using System.Text;

namespace SoapMiddleware.Client.Tests.Mtom;

/// <summary>MTOM request bodies written by hand, well-formed or not, for the tests that send what no client library would.</summary>
public static class MtomMessage
{
    public const string Boundary = "MIME_boundary_test";

    public const string Soap11 = "http://schemas.xmlsoap.org/soap/envelope/";

    /// <summary>A SOAP 1.1 envelope whose body is <paramref name="payload"/>.</summary>
    public static string Envelope(string payload)
        => $"<s:Envelope xmlns:s=\"{Soap11}\"><s:Body>{payload}</s:Body></s:Envelope>";

    /// <summary>The calculator's <c>EchoBytes</c> whose <c>data</c> is an xop:Include of <paramref name="href"/>.</summary>
    public static string EchoBytesEnvelope(string href)
        => Envelope($"<EchoBytes xmlns=\"http://example.com/calc\"><data><xop:Include xmlns:xop=\"http://www.w3.org/2004/08/xop/include\" href=\"{href}\"/></data></EchoBytes>");

    /// <summary>The message's body: the root part, then each part; <paramref name="close"/> false leaves the closing boundary out.</summary>
    public static byte[] Body(string envelope, IEnumerable<(string ContentId, byte[] Bytes)> parts, bool close = true)
    {
        var body = new MemoryStream();
        Write(body, $"--{Boundary}\r\nContent-ID: <root@test>\r\nContent-Type: application/xop+xml; charset=utf-8; type=\"text/xml\"\r\n\r\n{envelope}");
        foreach (var (id, bytes) in parts)
        {
            Write(body, $"\r\n--{Boundary}\r\nContent-ID: <{id}>\r\nContent-Type: application/octet-stream\r\nContent-Transfer-Encoding: binary\r\n\r\n");
            body.Write(bytes);
        }

        if (close)
        {
            Write(body, $"\r\n--{Boundary}--\r\n");
        }

        return body.ToArray();
    }

    /// <summary>The body as an HTTP request's content, with its <c>multipart/related</c> content type.</summary>
    public static ByteArrayContent Content(byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse($"multipart/related; type=\"application/xop+xml\"; boundary=\"{Boundary}\"; start=\"<root@test>\"; start-info=\"text/xml\"");
        return content;
    }

    private static void Write(Stream stream, string text) => stream.Write(Encoding.UTF8.GetBytes(text));
}
