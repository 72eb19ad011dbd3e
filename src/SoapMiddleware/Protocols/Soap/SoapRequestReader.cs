using System.Runtime.ExceptionServices;
using System.Xml;
using System.Xml.Linq;
using SoapMiddleware.Description;
using SoapMiddleware.Xml;

namespace SoapMiddleware.Protocols.Soap;

/// <summary>
/// Reads a SOAP request in one forward pass over its bytes, without a document tree: checks the envelope, keeps the
/// Header element (small, and read as a tree by mustUnderstand and typed headers), routes the operation and reads its
/// arguments straight into the argument array through the type model.
/// </summary>
/// <remarks>
/// <para>
/// The verdicts are those of the tree path it replaces, in the same order of precedence: a document that is not
/// acceptable XML (or breaks a limit) is refused first, whatever else is wrong with it, so every other fault is kept
/// in the <see cref="SoapRequest"/> and the pass always reads on to the end of the document; then the envelope, the
/// routing, mustUnderstand, the arguments, each raised by the pipeline stage that raised it before.
/// </para>
/// <para>
/// The pass runs on <see cref="Utf8XmlPullReader"/> first. When that gives up (something outside its subset, or
/// anything wrong with the document) the pass runs again on <see cref="GuardedXmlReader"/> after the
/// <see cref="XmlFloodScanner"/>, so refused requests get exactly the messages they got when the tree was built.
/// </para>
/// </remarks>
internal sealed class SoapRequestReader(RpcDescription description, SoapVersion version)
{
    private static readonly string Soap11Namespace = SoapVersion.Soap11.Namespace.NamespaceName;
    private static readonly string Soap12Namespace = SoapVersion.Soap12.Namespace.NamespaceName;

    private readonly string _envelopeNamespace = version.Namespace.NamespaceName;

    /// <summary>Reads the request; throws the Client fault of a request that is empty, not acceptable XML or over a limit.</summary>
    public SoapRequest Read(ReadOnlyMemory<byte> bytes, string? action, XmlLimits limits, XopPackage? xop = null)
    {
        if (bytes.IsEmpty)
        {
            throw EmptyRequest();
        }

        var fast = Utf8XmlPullReader.Rent(bytes, limits);
        fast.Xop = xop;
        try
        {
            return Walk(fast, bytes, action, limits);
        }
        catch (XmlFastPathException)
        {
            // Outside the fast reader's subset, or something is wrong: the exact reader decides, and says why.
        }
        finally
        {
            fast.Xop = null;
            Utf8XmlPullReader.Return(fast);
        }

        return ReadExact(bytes, action, limits, xop);
    }

    /// <summary>The same pass on <see cref="GuardedXmlReader"/> only (what <see cref="Read"/> falls back to).</summary>
    public SoapRequest ReadExact(ReadOnlyMemory<byte> bytes, string? action, XmlLimits limits, XopPackage? xop = null)
    {
        if (bytes.IsEmpty)
        {
            throw EmptyRequest();
        }

        XmlFloodScanner.Check(bytes.Span, limits);
        try
        {
            using var reader = new GuardedXmlReader(bytes, limits) { Xop = xop };
            return Walk(reader, bytes, action, limits);
        }
        catch (XmlException ex)
        {
            throw SecureXmlLoader.NotWellFormed(ex);
        }
    }

    /// <summary>
    /// SOAPAction first (quoted or not); empty, missing or unknown actions fall back to the body element's name.
    /// Returns null with the Client fault in <paramref name="error"/> when neither names an operation of this description.
    /// </summary>
    public RpcOperation? Route(string? action, string localName, string ns, out RpcFault? error)
    {
        error = null;
        var trimmed = SoapAction.Parse(action);
        if (trimmed is not null && description.FindOperationByAction(trimmed) is { } byAction)
        {
            if (localName != byAction.Request.ElementName)
            {
                error = RpcFault.Client($"The SOAPAction '{EchoedText.Cap(trimmed)}' names the operation '{byAction.Name}' but the body holds '{EchoedText.Cap(localName)}'.");
                return null;
            }

            return byAction;
        }

        if (ns != description.Namespace || description.FindOperation(localName) is not { } byBody)
        {
            error = RpcFault.Client($"Unknown operation '{EchoedText.Cap(localName)}' in namespace '{EchoedText.Cap(ns)}'.");
            return null;
        }

        return byBody;
    }

    /// <summary>The fault for a root element that is not this version's envelope, or null.</summary>
    public RpcFault? CheckEnvelope(string localName, string ns)
    {
        if (localName == "Envelope" && ns != _envelopeNamespace && (ns == Soap11Namespace || ns == Soap12Namespace))
        {
            return new RpcFault(RpcFaultCode.VersionMismatch,
                $"The envelope namespace '{ns}' does not match the content type '{version.ContentType}', which expects '{_envelopeNamespace}'.");
        }

        if (localName != "Envelope" || ns != _envelopeNamespace)
        {
            return RpcFault.Client($"The request is not a SOAP envelope: the root element is '{EchoedText.Cap(XName.Get(localName, ns).ToString())}', expected '{version.Envelope}'.");
        }

        return null;
    }

    private static RpcFault EmptyRequest() => RpcFault.Client("The request body is empty; expected a SOAP envelope.");

    private SoapRequest Walk(XmlPullReader reader, ReadOnlyMemory<byte> bytes, string? action, XmlLimits limits)
    {
        var request = new SoapRequest(bytes, limits, version);
        while (reader.Read() && reader.NodeType != XmlNodeType.Element)
        {
        }

        if (reader.NodeType != XmlNodeType.Element)
        {
            request.EnvelopeError = RpcFault.Client("The request has no root element.");
            return request;
        }

        request.EnvelopeError = CheckEnvelope(reader.LocalName, reader.NamespaceURI);
        if (request.EnvelopeError is null)
        {
            ReadEnvelope(reader, request, action);
        }

        // Whatever was found, the rest must be read: a document that is not acceptable XML is refused before anything else.
        while (reader.Read())
        {
        }

        return request;
    }

    /// <summary>The envelope's children: an optional Header, then Body; reading stops at the first thing out of place.</summary>
    private void ReadEnvelope(XmlPullReader reader, SoapRequest request, string? action)
    {
        bool sawHeader = false, sawBody = false, hasPayload = false;
        if (!reader.IsEmptyElement)
        {
            while (reader.Read())
            {
                var nodeType = reader.NodeType;
                if (nodeType == XmlNodeType.EndElement && reader.Depth == 0)
                {
                    break;
                }

                if (nodeType != XmlNodeType.Element)
                {
                    continue;
                }

                var inEnvelopeNamespace = reader.NamespaceURI == _envelopeNamespace;
                if (inEnvelopeNamespace && reader.LocalName == "Header" && !sawHeader && !sawBody)
                {
                    sawHeader = true;
                    request.Header = XmlTreeBuilder.ReadElement(reader);
                }
                else if (inEnvelopeNamespace && reader.LocalName == "Body" && !sawBody)
                {
                    sawBody = true;
                    hasPayload = ReadBody(reader, request, action);
                }
                else
                {
                    request.EnvelopeError = RpcFault.Client($"Unexpected element '{EchoedText.Cap(reader.LocalName)}' in the SOAP envelope; expected an optional Header followed by Body.");
                    return;
                }
            }
        }

        if (!sawBody)
        {
            request.EnvelopeError = RpcFault.Client("The SOAP envelope has no Body.");
        }
        else if (!hasPayload)
        {
            request.EnvelopeError = RpcFault.Client("The SOAP Body is empty; expected an operation element.");
        }
    }

    /// <summary>Routes the Body's first element and reads its arguments; later elements are read past, as the tree path ignored them.</summary>
    private bool ReadBody(XmlPullReader reader, SoapRequest request, string? action)
    {
        if (reader.IsEmptyElement)
        {
            return false;
        }

        var bodyDepth = reader.Depth;
        var hasPayload = false;
        while (reader.Read())
        {
            var nodeType = reader.NodeType;
            if (nodeType == XmlNodeType.EndElement && reader.Depth == bodyDepth)
            {
                break;
            }

            if (nodeType != XmlNodeType.Element)
            {
                continue;
            }

            if (hasPayload)
            {
                reader.FinishElement(reader.Depth);
                continue;
            }

            hasPayload = true;
            var operation = Route(action, reader.LocalName, reader.NamespaceURI, out var routeError);
            if (operation is null)
            {
                request.RouteError = routeError;
                reader.FinishElement(reader.Depth);
                continue;
            }

            request.Operation = operation;
            try
            {
                request.Arguments = description.Serializer.ReadMessage(reader, operation.Request);
            }
            catch (Exception ex) when (!reader.Failed)
            {
                request.ArgumentsError = ExceptionDispatchInfo.Capture(ex);
            }
        }

        return hasPayload;
    }
}
