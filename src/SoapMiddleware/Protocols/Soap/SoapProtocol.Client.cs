using System.Xml;
using System.Xml.Linq;
using SoapMiddleware.Description;
using SoapMiddleware.Xml;

namespace SoapMiddleware.Protocols.Soap;

/// <summary>The client's side of SOAP: reads a response envelope, or its fault, with the server's model serializer.</summary>
internal sealed partial class SoapProtocol : IRpcResponseReader
{
    /// <inheritdoc />
    public bool CanReadResponse(string? mediaType) => string.Equals(mediaType, version.ContentType, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Parses the envelope with the request limits (no DTD, depth, attributes, namespaces), then reads the body's
    /// response wrapper into the result, or its <c>Fault</c> into an <see cref="RpcFaultException"/>.
    /// </summary>
    public object? ReadResponse(RpcOperation operation, ReadOnlyMemory<byte> payload)
    {
        ArgumentNullException.ThrowIfNull(operation);
        if (operation.ResponseContract is not null)
        {
            throw new NotSupportedException($"The operation '{operation.Name}' returns a message contract, which the client does not read yet.");
        }

        if (operation.Use != RpcBodyUse.Encoded && !operation.Response.IsBare && !payload.IsEmpty)
        {
            var reader = Utf8XmlPullReader.Rent(payload, XmlLimits.From(options));
            // An MTOM response's parts (ReadMtomResponseAsync): xop:Include references resolve against them.
            reader.Xop = XopPackage.Current;
            try
            {
                if (TryReadResponse(reader, operation, out var values))
                {
                    return operation.ResultOf(values);
                }
            }
            catch (Exception ex) when (ex is XmlFastPathException or RpcFault or InvalidDataException or FormatException or OverflowException)
            {
                // Outside the fast reader's subset, or something is wrong: the tree path below decides, and says why.
            }
            finally
            {
                reader.Xop = null;
                Utf8XmlPullReader.Return(reader);
            }
        }

        XDocument document;
        try
        {
            document = SecureXmlLoader.Load(payload, XmlLimits.From(options));
        }
        catch (RpcFault fault)
        {
            throw Unreadable(operation, fault.Message);
        }

        var envelope = document.Root!;
        if (envelope.Name != version.Envelope)
        {
            throw Unreadable(operation, $"the root element is '{EchoedText.Cap(envelope.Name.ToString())}', not a SOAP {(version.Is12 ? "1.2" : "1.1")} Envelope");
        }

        var body = envelope.Element(version.Body) ?? throw Unreadable(operation, "the envelope has no Body");
        var content = body.Elements().FirstOrDefault();
        if (content is not null && content.Name == version.Fault)
        {
            throw SoapFaultReader.Read(version, description, operation, content);
        }

        if (operation.Response.IsBare)
        {
            // No wrapper (document/literal bare): the body's children are the parts.
            content = body;
        }
        else if (content is null)
        {
            throw Unreadable(operation, "the Body is empty");
        }
        else if (content.Name.LocalName != operation.Response.ElementName)
        {
            throw Unreadable(operation, $"the Body holds '{EchoedText.Cap(content.Name.LocalName)}', expected '{operation.Response.ElementName}'");
        }

        if (operation.Use == RpcBodyUse.Encoded)
        {
            try
            {
                // Multi-references resolved and array items named as the literal reader expects.
                SoapEncoding.Normalize(content, body, operation.Response, description.Model.Namespace);
            }
            catch (InvalidDataException ex)
            {
                throw Unreadable(operation, ex.Message);
            }
        }

        try
        {
            return operation.ResultOf(description.Serializer.ReadMessage(content, operation.Response));
        }
        catch (RpcFault fault)
        {
            throw Unreadable(operation, fault.Message);
        }
    }

    /// <summary>
    /// The common answer (an envelope whose Body holds the operation's response wrapper) read in one forward pass
    /// straight into the values, as the server reads requests. False for anything else (a fault, an unexpected shape),
    /// which the tree path then reads or refuses with its exact message.
    /// </summary>
    private bool TryReadResponse(Utf8XmlPullReader reader, RpcOperation operation, out object?[] values)
    {
        values = null!;
        while (reader.Read() && reader.NodeType != XmlNodeType.Element)
        {
        }

        var ns = version.Namespace.NamespaceName;
        if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "Envelope" || reader.NamespaceURI != ns || reader.IsEmptyElement)
        {
            return false;
        }

        object?[]? found = null;
        var sawBody = false;
        while (reader.Read() && !(reader.NodeType == XmlNodeType.EndElement && reader.Depth == 0))
        {
            if (reader.NodeType != XmlNodeType.Element)
            {
                continue;
            }

            if (reader.NamespaceURI != ns || sawBody || reader.LocalName is not ("Header" or "Body"))
            {
                return false;
            }

            if (reader.LocalName == "Header")
            {
                reader.FinishElement(reader.Depth);
                continue;
            }

            sawBody = true;
            var bodyDepth = reader.Depth;
            while (!reader.IsEmptyElement && reader.Read() && !(reader.NodeType == XmlNodeType.EndElement && reader.Depth == bodyDepth))
            {
                if (reader.NodeType != XmlNodeType.Element)
                {
                    continue;
                }

                if (found is not null)
                {
                    // Later elements are read past, as the tree path ignores them.
                    reader.FinishElement(reader.Depth);
                    continue;
                }

                if (reader.LocalName != operation.Response.ElementName)
                {
                    return false;
                }

                found = description.Serializer.ReadMessage(reader, operation.Response);
            }
        }

        // The rest of the document must be well-formed too.
        while (reader.Read())
        {
        }

        if (found is null)
        {
            return false;
        }

        values = found;
        return true;
    }

    private static InvalidDataException Unreadable(RpcOperation operation, string reason)
        => new($"The response to '{operation.Name}' cannot be read: {reason}.");
}
