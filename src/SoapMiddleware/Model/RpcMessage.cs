namespace SoapMiddleware.Model;

/// <summary>A wrapper element with a sequence of parts: an operation's request or response (document/literal wrapped).</summary>
internal sealed class RpcMessage(string elementName, IReadOnlyList<RpcMember> members)
{
    public string ElementName { get; } = elementName;

    public IReadOnlyList<RpcMember> Members { get; } = members;

    /// <summary>The wrapper's namespace when it is not the model's target namespace (a schema description's), else null.</summary>
    public System.Xml.Linq.XNamespace? Namespace { get; init; }

    /// <summary>
    /// Whether the message has no wrapper element (document/literal bare, a schema description's): its parts are the
    /// SOAP body's own children, and <see cref="ElementName"/> is <c>Body</c>, for messages only.
    /// </summary>
    public bool IsBare { get; init; }
}
