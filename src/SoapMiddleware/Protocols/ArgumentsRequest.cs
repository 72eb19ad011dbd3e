using System.Xml.Linq;
using SoapMiddleware.Description;
using SoapMiddleware.Xml;

namespace SoapMiddleware.Protocols;

/// <summary>
/// A request of a protocol without envelope or header (JSON, MessagePack, HTTP RPC) whose arguments were read straight
/// into their array; the XML wrapper that was <see cref="MethodContext.InDocument"/> is built from the request only
/// when a listener or wrapper asks for it. The protocols' decomposition and deserialization read it the same way.
/// </summary>
internal abstract class ArgumentsRequest(RpcOperation operation, object?[] arguments) : IInDocumentSource
{
    /// <summary>The operation the arguments were read for.</summary>
    public RpcOperation Operation { get; } = operation;

    /// <summary>The wire arguments of <see cref="Operation"/>, absent ones filled in.</summary>
    public object?[] Arguments { get; } = arguments;

    /// <summary>Whether the pipeline's decomposition stage ran: from then on the lazy tree's root is the body.</summary>
    public bool Decomposed { get; set; }

    /// <summary>
    /// The arguments to deserialize: those read without a tree, unless something read or changed the tree (or the
    /// operation) since, in which case the tree is the request; null then.
    /// </summary>
    public static object?[]? Unchanged(MethodContext context)
        => context.InDocumentSource is ArgumentsRequest request && !context.InDocumentTouched && request.Operation == context.Operation
            ? request.Arguments
            : null;

    /// <summary>
    /// Records that decomposition ran, for a request read without a tree that nothing has touched yet; false when the
    /// tree is the request and the protocol must decompose it.
    /// </summary>
    public static bool TryDecompose(MethodContext context)
    {
        if (context.InDocumentSource is ArgumentsRequest request && !context.InDocumentTouched)
        {
            request.Decomposed = true;
            return true;
        }

        return false;
    }

    /// <inheritdoc />
    public abstract XDocument LoadDocument();

    /// <inheritdoc />
    public (XElement? Header, XElement? Body) FindParts(XDocument document)
        => Decomposed ? (null, document.Root) : (null, null);
}
