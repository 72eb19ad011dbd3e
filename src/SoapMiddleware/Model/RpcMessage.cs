namespace SoapMiddleware.Model;

/// <summary>A wrapper element with a sequence of parts: an operation's request or response (document/literal wrapped).</summary>
internal sealed class RpcMessage(string elementName, IReadOnlyList<RpcMember> members)
{
    public string ElementName { get; } = elementName;

    public IReadOnlyList<RpcMember> Members { get; } = members;
}
