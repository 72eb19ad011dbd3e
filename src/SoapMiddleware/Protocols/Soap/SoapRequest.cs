using System.Runtime.ExceptionServices;
using System.Xml.Linq;
using SoapMiddleware.Description;
using SoapMiddleware.Xml;

namespace SoapMiddleware.Protocols.Soap;

/// <summary>
/// One SOAP request as <see cref="SoapRequestReader"/> read it in a single pass: the header element, the routed
/// operation and its arguments, or the faults found on the way. The document as a whole is known to be acceptable
/// (the read would have thrown otherwise); the other faults wait for the pipeline stage that raised them when the
/// tree was built first (envelope, routing and mustUnderstand in decomposition, arguments in deserialization).
/// </summary>
internal sealed class SoapRequest(ReadOnlyMemory<byte> bytes, XmlLimits limits, SoapVersion version) : IInDocumentSource
{
    /// <summary>The first thing wrong with the envelope itself (root, Header/Body order, no Body, empty Body).</summary>
    public RpcFault? EnvelopeError { get; set; }

    /// <summary>The Header element, if the envelope has one.</summary>
    public XElement? Header { get; set; }

    public RpcFault? RouteError { get; set; }

    public RpcOperation? Operation { get; set; }

    /// <summary>The wire arguments of <see cref="Operation"/>, absent ones filled in.</summary>
    public object?[]? Arguments { get; set; }

    /// <summary>What reading the arguments threw (a Client fault naming the element and the rule, or a bug).</summary>
    public ExceptionDispatchInfo? ArgumentsError { get; set; }

    /// <summary>Whether the pipeline's decomposition stage ran: from then on the lazy tree has header and body parts.</summary>
    public bool Decomposed { get; set; }

    /// <inheritdoc />
    public XDocument LoadDocument() => SecureXmlLoader.Load(bytes, limits);

    /// <inheritdoc />
    public (XElement? Header, XElement? Body) FindParts(XDocument document)
    {
        if (!Decomposed || document.Root is not { } envelope)
        {
            return (null, null);
        }

        // The reader validated the envelope already; an element a listener added out of place is passed over.
        var (header, body, _) = version.SplitEnvelope(envelope);
        return (header, body?.Elements().FirstOrDefault());
    }
}
