using System.Xml.Linq;
using SoapMiddleware.Description;
using SoapMiddleware.Xml;

namespace SoapMiddleware.Protocols.Soap;

/// <summary>The client's side of SOAP headers: a response's header entries read, untyped or typed.</summary>
internal sealed partial class SoapProtocol : IRpcHeaderProtocol
{
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
        return Read(operation, headers, declared);
    }

    /// <inheritdoc />
    public object? ReadHeader(RpcOperation operation, IReadOnlyList<XElement> headers, string name)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(name);
        return Read(operation, headers, SchemaHeaders.Find(operation, name, request: false));
    }

    private object? Read(RpcOperation operation, IReadOnlyList<XElement> headers, OperationHeader declared)
    {
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
}
