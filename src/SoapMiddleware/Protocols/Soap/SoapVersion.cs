using System.Xml.Linq;

namespace SoapMiddleware.Protocols.Soap;

/// <summary>What differs between SOAP 1.1 and SOAP 1.2: namespaces, content type and fault code names.</summary>
internal sealed class SoapVersion
{
    public static readonly SoapVersion Soap11 = new(
        "soap11", "http://schemas.xmlsoap.org/soap/envelope/", "text/xml", "Client", "Server");

    public static readonly SoapVersion Soap12 = new(
        "soap12", "http://www.w3.org/2003/05/soap-envelope", "application/soap+xml", "Sender", "Receiver");

    private SoapVersion(string name, string envelopeNamespace, string contentType, string clientCode, string serverCode)
    {
        Name = name;
        Namespace = envelopeNamespace;
        ContentType = contentType;
        ClientCode = clientCode;
        ServerCode = serverCode;
    }

    public string Name { get; }

    public XNamespace Namespace { get; }

    /// <summary>The media type, without parameters.</summary>
    public string ContentType { get; }

    public string ClientCode { get; }

    public string ServerCode { get; }

    public bool Is12 => ReferenceEquals(this, Soap12);

    public XName Envelope => Namespace + "Envelope";

    public XName Header => Namespace + "Header";

    public XName Body => Namespace + "Body";

    public XName Fault => Namespace + "Fault";

    public string CodeName(RpcFaultCode code) => code switch
    {
        RpcFaultCode.Client => ClientCode,
        RpcFaultCode.Server => ServerCode,
        RpcFaultCode.MustUnderstand => "MustUnderstand",
        _ => "VersionMismatch",
    };

    /// <summary>
    /// Splits an envelope into its optional Header and its Body (the one place that knows their order): the first
    /// element that is neither, or comes out of order, is <c>Unexpected</c>, and the rest is read past it.
    /// </summary>
    public (XElement? Header, XElement? Body, XElement? Unexpected) SplitEnvelope(XElement envelope)
    {
        XElement? header = null, body = null, unexpected = null;
        foreach (var child in envelope.Elements())
        {
            if (child.Name == Header && header is null && body is null)
            {
                header = child;
            }
            else if (child.Name == Body && body is null)
            {
                body = child;
            }
            else
            {
                unexpected ??= child;
            }
        }

        return (header, body, unexpected);
    }
}
