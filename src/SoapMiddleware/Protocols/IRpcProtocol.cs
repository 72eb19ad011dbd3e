namespace SoapMiddleware.Protocols;

/// <summary>
/// A wire format (Spyne's <c>ProtocolBase</c>): the only part of the toolkit that knows how bytes become a call
/// and a result or fault becomes bytes. Each step reads and sets named <see cref="MethodContext"/> properties and
/// throws <see cref="RpcFault"/> for a request it cannot accept.
/// </summary>
/// <remarks>
/// Register a protocol of your own with <c>AddRpc().AddProtocol&lt;T&gt;()</c> (its constructor may take the
/// <see cref="Description.RpcDescription"/> it serves and any DI service, <c>IOptions&lt;RpcOptions&gt;</c> for the
/// limits) and choose it by name when mapping:
/// <c>app.MapRpc&lt;T&gt;("/calc", p =&gt; p.In("soap11", "csv").Out("csv"))</c>.
/// </remarks>
public interface IRpcProtocol
{
    /// <summary>A short, unique name for mappings, logs and metrics: <c>soap11</c>, <c>soap12</c>, <c>json</c>, <c>httprpc</c>.</summary>
    string Name { get; }

    /// <summary>The media types this protocol reads; the first is the one it writes.</summary>
    IReadOnlyList<string> MediaTypes { get; }

    /// <summary>How it meets HTTP; <see cref="RpcHttpBinding.Default"/> unless it says otherwise.</summary>
    RpcHttpBinding HttpBinding => RpcHttpBinding.Default;

    /// <summary>Whether it reads a request of <paramref name="mediaType"/> (the content type without parameters).</summary>
    bool CanRead(string? mediaType)
    {
        foreach (var candidate in MediaTypes)
        {
            if (string.Equals(candidate, mediaType, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Reads <see cref="MethodContext.InString"/>, sets <see cref="MethodContext.InDocument"/>.</summary>
    void CreateInDocument(MethodContext context);

    /// <summary>
    /// Reads <see cref="MethodContext.InDocument"/>, sets <see cref="MethodContext.InHeaderDocument"/>,
    /// <see cref="MethodContext.InBodyDocument"/> and <see cref="MethodContext.Operation"/>.
    /// </summary>
    void DecomposeIncomingEnvelope(MethodContext context);

    /// <summary>Reads the body and header documents, sets <see cref="MethodContext.InObject"/> and the typed in headers.</summary>
    void Deserialize(MethodContext context);

    /// <summary>Reads <see cref="MethodContext.OutObject"/> and the out headers, sets <see cref="MethodContext.OutDocument"/>.</summary>
    void Serialize(MethodContext context);

    /// <summary>Reads <see cref="MethodContext.Error"/>, sets <see cref="MethodContext.OutDocument"/> to a fault.</summary>
    void SerializeFault(MethodContext context);

    /// <summary>Reads <see cref="MethodContext.OutDocument"/>, sets <see cref="MethodContext.OutString"/> and <see cref="MethodContext.OutContentType"/>.</summary>
    void CreateOutString(MethodContext context);
}
