namespace SoapMiddleware;

/// <summary>
/// Declares the media types a binary member (<c>byte[]</c> or <c>Stream</c>: a parameter, a result, a property)
/// carries: the schema writes them as <c>xmime:expectedContentTypes</c> on the member's element, so a client generator
/// knows the attachment is, say, a PDF. It describes the member only: the value travels as before (an MTOM part when
/// the message is MTOM, base64 text otherwise) and its content is not checked.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.ReturnValue | AttributeTargets.Property | AttributeTargets.Field)]
public sealed class RpcAttachmentAttribute(params string[] contentTypes) : Attribute
{
    /// <summary>The media types, such as <c>application/pdf</c> or <c>image/*</c>, in the order written.</summary>
    public IReadOnlyList<string> ContentTypes { get; } = contentTypes;
}
