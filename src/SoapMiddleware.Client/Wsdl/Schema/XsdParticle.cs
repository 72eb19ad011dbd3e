namespace SoapMiddleware.Client.Wsdl.Schema;

/// <summary>Something that occurs in a complex type's content: an element, a group, a group reference or a wildcard.</summary>
public abstract class XsdParticle
{
    /// <summary>The <c>minOccurs</c> (1 by default).</summary>
    public required int MinOccurs { get; init; }

    /// <summary>The <c>maxOccurs</c> (1 by default); <see cref="Unbounded"/> for <c>unbounded</c>.</summary>
    public required int MaxOccurs { get; init; }

    /// <summary>The value of <see cref="MaxOccurs"/> for <c>maxOccurs="unbounded"</c>.</summary>
    public const int Unbounded = int.MaxValue;

    /// <summary>Whether it may occur more than once (an array in most bindings).</summary>
    public bool IsRepeated => MaxOccurs > 1;

    /// <summary>Where it is declared, for the warnings about it.</summary>
    internal SourceLocation Source { get; init; }
}
