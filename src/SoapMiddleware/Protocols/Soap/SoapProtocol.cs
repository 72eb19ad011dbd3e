using System.Xml;
using System.Xml.Linq;
using SoapMiddleware.Description;
using SoapMiddleware.Model;
using SoapMiddleware.Xml;

namespace SoapMiddleware.Protocols.Soap;

/// <summary>
/// SOAP 1.1 or SOAP 1.2, document/literal wrapped (Spyne's <c>Soap11</c>). The only type that knows the envelope.
/// </summary>
internal sealed partial class SoapProtocol(RpcDescription description, RpcOptions options, SoapVersion version) : IRpcProtocol, IRpcRequestWriter
{
    private static readonly XmlWriterSettings WriterSettings = new()
    {
        Encoding = new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        OmitXmlDeclaration = false,
        Indent = false,
        CheckCharacters = true,
        NewLineHandling = NewLineHandling.Entitize, // keep a \r in a string: a literal one is normalized away by every parser
    };

    private readonly string _outContentType = version.ContentType + "; charset=utf-8";
    private readonly SoapRequestReader _requestReader = new(description, version);
    private readonly EnvelopeNamespaces _namespaces = new(version, description);

    // The fast path's first bytes (declaration and envelope start tag), encoded on first use: the same for every response.
    private byte[]? _prologue;

    public string Name => version.Name;

    public IReadOnlyList<string> MediaTypes { get; } = [version.ContentType];

    public RpcHttpBinding HttpBinding { get; } = new SoapHttpBinding(version, description);

    public SoapVersion Version => version;

    /// <summary>
    /// Reads the whole request in one pass without a tree (<see cref="SoapRequestReader"/>): a request that is not
    /// acceptable XML, or breaks a limit, is refused here; everything else waits for its own stage below.
    /// <see cref="MethodContext.InDocument"/> is built from the bytes only if something reads it.
    /// </summary>
    public void CreateInDocument(MethodContext context)
        => context.SetInDocumentSource(_requestReader.Read(context.InString, context.InAction, XmlLimits.From(options), context.Mtom?.In));

    /// <inheritdoc />
    public void DecomposeIncomingEnvelope(MethodContext context)
    {
        if (context.InDocumentSource is not SoapRequest request || context.InDocumentTouched)
        {
            DecomposeTree(context);
            return;
        }

        if (request.EnvelopeError is { } envelopeError)
        {
            throw envelopeError;
        }

        // From here on the lazy InHeaderDocument and InBodyDocument exist, as they were set here on the tree path.
        request.Decomposed = true;
        context.Operation = request.Operation ?? throw request.RouteError!;
        CheckMustUnderstand(context, request.Header, request.Operation);
    }

    /// <inheritdoc />
    public void Deserialize(MethodContext context)
    {
        // A listener that read the tree may have changed it, or the operation: then the tree is the request.
        if (context.InDocumentSource is not SoapRequest request || context.InDocumentTouched || request.Operation != context.Operation)
        {
            ReadArgumentsFromTree(context);
            return;
        }

        request.ArgumentsError?.Throw();
        context.InObject = request.Arguments;
        ReadHeaders(context, request.Header);
    }

    /// <inheritdoc />
    public void Serialize(MethodContext context)
    {
        var operation = context.Operation!;
        var values = operation.ResponseValues(context.OutObject);
        if (context.OutDocumentWanted)
        {
            var tree = new XElementSink();
            WriteResponse(Mtom(tree, context), context, operation, values);
            context.OutDocument = new XDocument(tree.Root);
            return;
        }

        // The fast path: the same envelope written straight to UTF-8, without the tree. The buffer is sized from the
        // operation's last response with some slack (an eighth, 32 to 256 bytes); a larger response grows it.
        var hint = operation.ResponseSizeHint;
        var buffer = new ByteBuffer(hint + Math.Min(256, 32 + (hint / 8)));
        var sink = new Utf8XmlSink(buffer, _namespaces.Tags);
        sink.StartElementWith(_prologue ??= EncodePrologue(), version.Envelope);
        WriteEnvelopeContent(Mtom(sink, context), context, operation, values);
        context.OutString = buffer.WrittenMemory;
        context.OutContentType = _outContentType;
        operation.ResponseSizeHint = context.OutString.Length;
    }

    /// <inheritdoc />
    public void SerializeFault(MethodContext context)
    {
        if (context.Mtom is { } mtom)
        {
            mtom.Out = null;
        }

        var fault = context.Error as RpcFault ?? new RpcFault(RpcFaultCode.Server, "Internal Error");
        var detail = SoapFaultDetail.Create(description, fault, context.Error, options.IncludeExceptionDetails);
        context.OutDocument = Envelope(SoapFaultWriter.Write(version, fault, description.Namespace, detail), SecurityHeaderTree(context.ResponseTimestamp));
    }

    /// <inheritdoc />
    public void CreateOutString(MethodContext context)
    {
        if (context.OutDocument is null && !context.OutString.IsEmpty)
        {
            // Serialize took the fast path and wrote the bytes already.
            return;
        }

        var buffer = new MemoryStream(1024);
        using (var writer = XmlWriter.Create(buffer, WriterSettings))
        {
            context.OutDocument!.Save(writer);
        }

        context.OutString = buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
        context.OutContentType = _outContentType;
    }

    /// <summary>
    /// Writes the request an HTTP client would send for <paramref name="operation"/> (Spyne's Producer): the queue
    /// stores exactly these bytes, so a queued call and a direct call take the same path through the pipeline.
    /// </summary>
    public (byte[] Payload, string ContentType) WriteRequest(RpcOperation operation, object?[] arguments)
        => WriteRequest(operation, arguments, []);

    /// <summary>Writes the result envelope (out headers, then the response message) into a tree or into bytes.</summary>
    private void WriteResponse(XmlSink sink, MethodContext context, RpcOperation operation, object?[] values)
    {
        WriteEnvelopeStart(sink);
        WriteEnvelopeContent(sink, context, operation, values);
    }

    private void WriteEnvelopeStart(XmlSink sink)
    {
        sink.StartElement(version.Envelope);
        _namespaces.Declare(sink);
    }

    /// <summary>
    /// The UTF-8 bytes every fast-path response starts with, the XML declaration and the envelope's start tag with its
    /// namespace declarations, written once by the same sink calls the tree path makes.
    /// </summary>
    private byte[] EncodePrologue()
    {
        var buffer = new ByteBuffer(256);
        var sink = new Utf8XmlSink(buffer, _namespaces.Tags);
        sink.WriteRaw("<?xml version=\"1.0\" encoding=\"utf-8\"?>");
        WriteEnvelopeStart(sink);
        return buffer.WrittenMemory.ToArray();
    }

    /// <summary>Everything inside the envelope's start tag: the out headers, then the body with the response message.</summary>
    private void WriteEnvelopeContent(XmlSink sink, MethodContext context, RpcOperation operation, object?[] values)
    {
        var stamp = context.ResponseTimestamp;
        if (stamp is not null || context.OutHeaders is { Count: > 0 } || operation.ResponseContract is { Headers.Count: > 0 })
        {
            sink.StartElement(version.Header);
            if (stamp is not null)
            {
                WriteSecurity(sink, stamp);
            }

            foreach (var declared in operation.Headers)
            {
                if (declared.IsOut && operation.TryGetOutHeader(declared, context, out var value))
                {
                    description.Serializer.WriteValue(declared.MustUnderstand ? new MustUnderstandSink(sink, version) : sink, declared.Element, declared.Type, value);
                }
            }

            sink.EndElement(version.Header);
        }

        WriteBodyAndClose(sink, operation.Response, values);
    }

    /// <summary>The Body with <paramref name="message"/> in it, then the envelope's end: the last of every envelope the sink writes, request or response.</summary>
    private void WriteBodyAndClose(XmlSink sink, RpcMessage message, object?[] values)
    {
        sink.StartElement(version.Body);
        description.Serializer.WriteMessage(sink, message, values);
        sink.EndElement(version.Body);
        sink.EndElement(version.Envelope);
    }

    /// <summary>An envelope around <paramref name="body"/>, with <paramref name="header"/> when given (faults, and requests the queue's producer writes).</summary>
    private XDocument Envelope(object body, XElement? header = null)
        => new(new XElement(
            version.Envelope,
            _namespaces.Attributes(),
            header,
            new XElement(version.Body, body)));

    /// <summary>Decomposition from the tree, for a context whose documents something read or set first.</summary>
    private void DecomposeTree(MethodContext context)
    {
        var envelope = context.InDocument?.Root ?? throw RpcFault.Client("The request has no root element.");
        if (_requestReader.CheckEnvelope(envelope.Name.LocalName, envelope.Name.NamespaceName) is { } envelopeError)
        {
            throw envelopeError;
        }

        var (header, body, unexpected) = version.SplitEnvelope(envelope);
        if (unexpected is not null)
        {
            throw RpcFault.Client($"Unexpected element '{EchoedText.Cap(unexpected.Name.LocalName)}' in the SOAP envelope; expected an optional Header followed by Body.");
        }

        var payload = body?.Elements().FirstOrDefault()
            ?? throw RpcFault.Client(body is null ? "The SOAP envelope has no Body." : "The SOAP Body is empty; expected an operation element.");
        context.InHeaderDocument = header;
        context.InBodyDocument = payload;
        context.Operation = _requestReader.Route(context.InAction, payload.Name.LocalName, payload.Name.NamespaceName, out var routeError) ?? throw routeError!;
        CheckMustUnderstand(context, header, context.Operation);
    }

    private void ReadArguments(MethodContext context, XElement payload, XElement? header)
    {
        context.InObject = description.Serializer.ReadMessage(payload, context.Operation!.Request);
        ReadHeaders(context, header);
    }

    private void ReadHeaders(MethodContext context, XElement? header)
    {
        foreach (var declared in context.Operation!.Headers)
        {
            if (!declared.IsIn)
            {
                continue;
            }

            var element = header?.Elements().FirstOrDefault(e => e.Name.LocalName == declared.Element.LocalName
                && (e.Name.Namespace == declared.Element.Namespace || e.Name.Namespace == XNamespace.None));
            if (element is not null)
            {
                context.SetInHeader(declared.Key, description.Serializer.ReadValue(element, declared.Type));
            }
            else if (declared.Required)
            {
                throw RpcFault.Client($"The required header '{declared.Element.LocalName}' is missing.");
            }
        }
    }

    private void CheckMustUnderstand(MethodContext context, XElement? header, RpcOperation operation)
    {
        if (header is null)
        {
            return;
        }

        foreach (var entry in header.Elements())
        {
            var mustUnderstand = (string?)entry.Attribute(version.Namespace + "mustUnderstand");
            if (mustUnderstand is not ("1" or "true") || !TargetsUs(entry))
            {
                continue;
            }

            if (!operation.Headers.Any(h => h.IsIn && h.Element.LocalName == entry.Name.LocalName && h.Element.Namespace == entry.Name.Namespace)
                && !context.Understands(entry.Name))
            {
                throw new RpcFault(RpcFaultCode.MustUnderstand, $"The header '{entry.Name}' is marked mustUnderstand but this service does not understand it.");
            }
        }
    }

    /// <summary>SOAP 1.1 <c>actor</c> / SOAP 1.2 <c>role</c>: only headers for the ultimate receiver (or "next") bind us.</summary>
    private bool TargetsUs(XElement entry)
    {
        var role = (string?)entry.Attribute(version.Namespace + (version.Is12 ? "role" : "actor"));
        return role is null
            || role == "http://schemas.xmlsoap.org/soap/actor/next"
            || role == "http://www.w3.org/2003/05/soap-envelope/role/next"
            || role == "http://www.w3.org/2003/05/soap-envelope/role/ultimateReceiver";
    }
}
