namespace SoapMiddleware.Client.Wsdl;

/// <summary>One operation of a port: its binding (style, use, action) joined with its port type's messages.</summary>
public sealed class WsdlOperation
{
    /// <summary>The operation's name.</summary>
    public required string Name { get; init; }

    /// <summary>Document or RPC (the operation's <c>style</c>, else the binding's, else document).</summary>
    public required OperationStyle Style { get; init; }

    /// <summary>The <c>soapAction</c> of its <c>soap:operation</c> (the HTTP binding's <c>location</c> for HTTP); null when absent.</summary>
    public required string? SoapAction { get; init; }

    /// <summary>The request message; null for a notification operation (output only).</summary>
    public required WsdlMessage? Input { get; init; }

    /// <summary>The response message; null for a one-way operation.</summary>
    public required WsdlMessage? Output { get; init; }

    /// <summary>The declared faults.</summary>
    public required IReadOnlyList<WsdlFault> Faults { get; init; }

    /// <summary>
    /// True for document/literal wrapped: a single body part whose element is named after the operation and whose
    /// type is a sequence of elements (the wrapper's children are then the parameters).
    /// </summary>
    public required bool IsWrapped { get; init; }

    /// <summary>Where its binding operation is declared, for the warnings about it.</summary>
    internal SourceLocation Source { get; init; }
}
