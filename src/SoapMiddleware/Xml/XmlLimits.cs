using System.Globalization;

namespace SoapMiddleware.Xml;

/// <summary>
/// The per-request bounds every XML read enforces (the streaming request reader, the lazy
/// <see cref="MethodContext.InDocument"/>), taken from <see cref="RpcOptions"/>. The faults they raise are Client
/// faults with one message per rule, whichever reader finds the violation.
/// </summary>
internal readonly record struct XmlLimits(int MaxDepth, int MaxAttributesPerElement, int MaxNamespaceDeclarations)
{
    /// <summary>The limits of <paramref name="options"/>.</summary>
    public static XmlLimits From(RpcOptions options)
        => new(options.MaxDepth, options.MaxAttributesPerElement, options.MaxNamespaceDeclarations);

    /// <summary>The Client fault for a request that carries a document type declaration.</summary>
    public static RpcFault DtdNotAllowed() => RpcFault.Client("The request contains a DTD; DTDs are not allowed.");

    public RpcFault TooDeep()
        => RpcFault.Client($"The request nests elements deeper than the limit of {Format(MaxDepth)}.");

    public RpcFault TooManyAttributes()
        => RpcFault.Client($"The request has an element with more than the limit of {Format(MaxAttributesPerElement)} attributes.");

    public RpcFault TooManyNamespaceDeclarations()
        => RpcFault.Client($"The request has an element with more than the limit of {Format(MaxNamespaceDeclarations)} namespace declarations.");

    public RpcFault TooManyNamespaces()
        => RpcFault.Client($"The request declares more than the limit of {Format(MaxNamespaceDeclarations)} distinct namespaces.");

    private static string Format(int value) => value.ToString(CultureInfo.InvariantCulture);
}
