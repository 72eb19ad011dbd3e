using System.Xml;
using System.Xml.Linq;
using SoapMiddleware.Description;
using SoapMiddleware.Xml;

namespace SoapMiddleware.Protocols.Soap;

/// <summary>
/// The request a client sends (and the queue's producer stores): the operation's message in the body, wrapped, bare or
/// rpc, SOAP-encoded when the operation's use says so, and the call's header entries. Plain and MTOM requests are the
/// same envelope; MTOM only takes the binary values out into parts.
/// </summary>
internal sealed partial class SoapProtocol
{
    /// <inheritdoc />
    public (byte[] Payload, string ContentType) WriteRequest(RpcOperation operation, object?[] arguments, IReadOnlyList<object> headers)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(headers);
        if (headers.Count == 0 && operation.Use != RpcBodyUse.Encoded && !operation.Request.IsBare)
        {
            return (WriteRequestFast(operation, arguments), _outContentType);
        }

        return (WriteRequestTree(operation, arguments, headers), _outContentType);
    }

    /// <summary>
    /// The most common request (literal, wrapped, no header entries) written straight to UTF-8 by the sink calls the
    /// server's fast-path responses make: the same bytes as <see cref="WriteRequestTree"/>, without the tree and the
    /// XmlWriter, which cost a client several kilobytes per call.
    /// </summary>
    private byte[] WriteRequestFast(RpcOperation operation, object?[] arguments)
    {
        var buffer = new ByteBuffer(512);
        var sink = new Utf8XmlSink(buffer, _namespaces.Tags);
        sink.StartElementWith(_prologue ??= EncodePrologue(), version.Envelope);
        WriteBodyAndClose(sink, operation.Request, arguments);
        return buffer.WrittenMemory.ToArray();
    }

    /// <summary>Any request, through the tree: header entries, SOAP encoding, bare messages.</summary>
    internal byte[] WriteRequestTree(RpcOperation operation, object?[] arguments, IReadOnlyList<object> headers)
        => Save(RequestEnvelope(operation, arguments, headers, parts: null));

    /// <summary>
    /// The request envelope: header entries first (each checked before the body is written), then the message. With
    /// <paramref name="parts"/>, <c>byte[]</c> and <c>Stream</c> values go there and the envelope names them with
    /// <c>xop:Include</c>.
    /// </summary>
    private XDocument RequestEnvelope(RpcOperation operation, object?[] arguments, IReadOnlyList<object> headers, XopCollector? parts)
    {
        var entries = headers.Select(h => HeaderEntry(operation, h)).ToList();
        XElement message;
        if (parts is null)
        {
            message = description.Serializer.WriteMessage(operation.Request, arguments);
        }
        else
        {
            var sink = new XElementSink();
            description.Serializer.WriteMessage(new XopSink(sink, parts), operation.Request, arguments);
            message = sink.Root!;
        }

        if (operation.Use == RpcBodyUse.Encoded)
        {
            SoapEncoding.Annotate(message, operation.Request, version);
        }

        // A bare message (a schema description's document/literal bare) has no wrapper: its parts are the body's children.
        var document = Envelope(operation.Request.IsBare ? message.Elements() : message);
        if (entries.Count > 0)
        {
            document.Root!.AddFirst(new XElement(version.Header, entries));
        }

        return document;
    }

    private static byte[] Save(XDocument document)
    {
        var buffer = new MemoryStream(512);
        using (var writer = XmlWriter.Create(buffer, WriterSettings))
        {
            document.Save(writer);
        }

        return buffer.ToArray();
    }

    private XElement HeaderEntry(RpcOperation operation, object header)
    {
        if (header is XElement element)
        {
            return element;
        }

        if (header is RpcHeaderValue named)
        {
            var schemaHeader = SchemaHeaders.Find(operation, named.Name, request: true);
            return description.Serializer.WriteValue(schemaHeader.Element, schemaHeader.Type, named.Value);
        }

        var type = header.GetType();
        if (operation.Schema is not null)
        {
            throw new ArgumentException($"A '{type.Name}' is no request header of '{operation.Name}': give a header of an operation built from a schema as new RpcHeaderValue(name, value), or as an XElement.", nameof(header));
        }

        var declared = operation.Headers.FirstOrDefault(h => h.IsIn && h.ContractPart is null && h.Type.ClrType == type)
            ?? throw new ArgumentException($"A '{type.Name}' is no request header of '{operation.Name}': send an XElement, or declare it with [RpcHeader(typeof({type.Name}))] on the operation or its service.", nameof(header));
        return description.Serializer.WriteValue(declared.Element, declared.Type, header);
    }
}
