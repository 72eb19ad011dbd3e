namespace SoapMiddleware.Protocols;

/// <summary>
/// A wire format (Spyne's <c>ProtocolBase</c>): the only part of the toolkit that knows how bytes become a call
/// and a result or fault becomes bytes. Each step reads and sets named <see cref="MethodContext"/> properties and
/// throws <see cref="RpcFault"/> for a request it cannot accept.
/// </summary>
public interface IRpcProtocol
{
    /// <summary>A short name for logs and metrics: <c>soap11</c>, <c>soap12</c>.</summary>
    string Name { get; }

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
