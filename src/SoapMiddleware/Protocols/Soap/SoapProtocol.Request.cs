using System.Xml;
using System.Xml.Linq;
using SoapMiddleware.Description;

namespace SoapMiddleware.Protocols.Soap;

/// <summary>
/// The request a client sends (and the queue's producer stores): the operation's message in the body, wrapped, bare or
/// rpc, SOAP-encoded when the operation's use says so, and the call's header entries.
/// </summary>
internal sealed partial class SoapProtocol
{
    /// <inheritdoc />
    public (byte[] Payload, string ContentType) WriteRequest(RpcOperation operation, object?[] arguments, IReadOnlyList<object> headers)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(headers);
        var entries = headers.Select(h => HeaderEntry(operation, h)).ToList();
        var message = description.Serializer.WriteMessage(operation.Request, arguments);
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

        var buffer = new MemoryStream(512);
        using (var writer = XmlWriter.Create(buffer, WriterSettings))
        {
            document.Save(writer);
        }

        return (buffer.ToArray(), _outContentType);
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
