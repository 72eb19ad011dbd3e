namespace SoapMiddleware.Client.Wsdl.Schema;

/// <summary>A sequence, all or choice and its items.</summary>
public sealed class XsdGroup : XsdParticle
{
    /// <summary>Sequence, all or choice.</summary>
    public required XsdGroupKind Kind { get; init; }

    /// <summary>Its items in document order.</summary>
    public required IReadOnlyList<XsdParticle> Items { get; init; }
}
