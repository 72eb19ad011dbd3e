using System.Xml;
using System.Xml.Linq;
using SoapMiddleware.Description;
using SoapMiddleware.Xml;

namespace SoapMiddleware.Protocols.Soap;

/// <summary>The client's side of SOAP headers: request header entries written, response header entries read.</summary>
internal sealed partial class SoapProtocol : IRpcHeaderProtocol
{
    /// <inheritdoc />
    public (byte[] Payload, string ContentType) WriteRequest(RpcOperation operation, object?[] arguments, IReadOnlyList<object> headers)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(headers);
        if (headers.Count == 0)
        {
            return WriteRequest(operation, arguments);
        }

        var entries = headers.Select(h => HeaderEntry(operation, h)).ToList();
        var document = Envelope(description.Serializer.WriteMessage(operation.Request, arguments));
        document.Root!.AddFirst(new XElement(version.Header, entries));
        var buffer = new MemoryStream(1024);
        using (var writer = XmlWriter.Create(buffer, WriterSettings))
        {
            document.Save(writer);
        }

        return (buffer.ToArray(), _outContentType);
    }

    /// <inheritdoc />
    public IReadOnlyList<XElement> ReadResponseHeaders(ReadOnlyMemory<byte> payload)
    {
        XDocument document;
        try
        {
            document = SecureXmlLoader.Load(payload, XmlLimits.From(options));
        }
        catch (RpcFault fault)
        {
            throw new InvalidDataException($"The response's headers cannot be read: {fault.Message}");
        }

        return document.Root?.Element(version.Header)?.Elements().ToList() ?? [];
    }

    /// <inheritdoc />
    public object? ReadHeader(RpcOperation operation, IReadOnlyList<XElement> headers, Type headerType)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(headerType);
        var declared = operation.Headers.FirstOrDefault(h => h.IsOut && h.ContractPart is null && h.Type.ClrType == headerType)
            ?? throw new ArgumentException($"The operation '{operation.Name}' declares no response header of type '{headerType.Name}' ([RpcHeader(typeof({headerType.Name}), Direction = Out or InOut)]).", nameof(headerType));
        var element = headers.FirstOrDefault(e => e.Name.LocalName == declared.Element.LocalName
            && (e.Name.Namespace == declared.Element.Namespace || e.Name.Namespace == XNamespace.None));
        if (element is null)
        {
            return null;
        }

        try
        {
            return description.Serializer.ReadValue(element, declared.Type);
        }
        catch (RpcFault fault)
        {
            throw new InvalidDataException($"The response header '{declared.Element.LocalName}' of '{operation.Name}' cannot be read: {fault.Message}");
        }
    }

    private XElement HeaderEntry(RpcOperation operation, object header)
    {
        if (header is XElement element)
        {
            return element;
        }

        var type = header.GetType();
        var declared = operation.Headers.FirstOrDefault(h => h.IsIn && h.ContractPart is null && h.Type.ClrType == type)
            ?? throw new ArgumentException($"A '{type.Name}' is no request header of '{operation.Name}': send an XElement, or declare it with [RpcHeader(typeof({type.Name}))] on the operation or its service.", nameof(header));
        return description.Serializer.WriteValue(declared.Element, declared.Type, header);
    }
}
