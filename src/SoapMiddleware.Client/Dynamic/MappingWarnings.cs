using SoapMiddleware.Client.Wsdl;

namespace SoapMiddleware.Client.Dynamic;

/// <summary>
/// What the mapping from a WSDL to a callable description could not use, each said once, at the location of the
/// innermost declaration being mapped (an element, a type, an operation: see <see cref="At"/>), its document, line and
/// column; the main document, line 0, when none is.
/// </summary>
internal sealed class MappingWarnings(Uri document)
{
    private readonly List<WsdlWarning> _warnings = [];
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private SourceLocation _current;

    public IReadOnlyList<WsdlWarning> All => _warnings;

    public void Add(string message)
    {
        if (_seen.Add(message))
        {
            _warnings.Add(_current.Document is { } at
                ? new WsdlWarning(message, at, _current.Line, _current.Column)
                : new WsdlWarning(message, document, 0, 0));
        }
    }

    /// <summary>
    /// Says that what is added until the scope is disposed is about the declaration at <paramref name="source"/>
    /// (unless a scope inside says otherwise); an unknown location keeps the enclosing one.
    /// </summary>
    public MappingScope At(SourceLocation source)
    {
        var scope = new MappingScope(this, _current);
        if (source.Document is not null)
        {
            _current = source;
        }

        return scope;
    }

    /// <summary>Goes back to the location a scope started in.</summary>
    public void Restore(SourceLocation enclosing) => _current = enclosing;
}
