using System.Xml;
using System.Xml.Linq;
using Microsoft.AspNetCore.Http;

namespace SoapMiddleware.Security;

/// <summary>
/// Writes the SOAP fault of a refused <c>wsse:Security</c> header in the request's SOAP version: SOAP 1.1 puts the
/// OASIS code in <c>faultcode</c> (<c>wsse:FailedAuthentication</c>); SOAP 1.2 puts it as the Subcode of
/// <c>env:Sender</c>. Answered 500, as the SOAP endpoints answer every fault. A fault to a request that spoke
/// WS-Security carries the response Timestamp: WCF then reads its code (<c>FailedAuthentication</c> becomes its
/// <c>SecurityAccessDeniedException</c>) rather than reporting "an unsecured fault".
/// </summary>
internal static class WsSecurityFaultWriter
{
    private static readonly XNamespace Wsse = WsSecurityNames.Wsse;

    /// <summary>Writes the fault; with <paramref name="stamp"/>, under a <c>wsse:Security</c> header with a <c>wsu:Timestamp</c>.</summary>
    public static async Task WriteAsync(HttpResponse response, bool is12, string code, string message, ResponseTimestamp? stamp)
    {
        XNamespace env = is12 ? "http://www.w3.org/2003/05/soap-envelope" : "http://schemas.xmlsoap.org/soap/envelope/";
        var prefix = is12 ? "env" : "soap";
        var fault = is12
            ? new XElement(
                env + "Fault",
                new XElement(env + "Code", new XElement(env + "Value", "env:Sender"), new XElement(env + "Subcode", new XElement(env + "Value", "wsse:" + code))),
                new XElement(env + "Reason", new XElement(env + "Text", new XAttribute(XNamespace.Xml + "lang", "en"), message)))
            : new XElement(env + "Fault", new XElement("faultcode", "wsse:" + code), new XElement("faultstring", message));
        var document = new XDocument(new XElement(
            env + "Envelope",
            new XAttribute(XNamespace.Xmlns + prefix, env.NamespaceName),
            new XAttribute(XNamespace.Xmlns + "wsse", Wsse.NamespaceName),
            stamp is null ? null : new XElement(env + "Header", stamp.Entry(env)),
            new XElement(env + "Body", fault)));

        var buffer = new MemoryStream();
        await using (var writer = XmlWriter.Create(buffer, new XmlWriterSettings { Async = true, Encoding = new System.Text.UTF8Encoding(false) }))
        {
            await document.SaveAsync(writer, response.HttpContext.RequestAborted).ConfigureAwait(false);
        }

        response.StatusCode = StatusCodes.Status500InternalServerError;
        response.ContentType = (is12 ? "application/soap+xml" : "text/xml") + "; charset=utf-8";
        response.ContentLength = buffer.Length;
        await response.Body.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), response.HttpContext.RequestAborted).ConfigureAwait(false);
    }
}
