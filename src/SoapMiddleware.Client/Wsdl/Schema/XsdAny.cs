namespace SoapMiddleware.Client.Wsdl.Schema;

/// <summary>An element wildcard (<c>xs:any</c>): any element of the namespaces it names.</summary>
public sealed class XsdAny : XsdParticle
{
    /// <summary>The <c>namespace</c> constraint as written (<c>##any</c> by default).</summary>
    public required string Namespace { get; init; }

    /// <summary>The <c>processContents</c> value (<c>strict</c> by default).</summary>
    public required string ProcessContents { get; init; }
}
