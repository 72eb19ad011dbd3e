using SoapMiddleware.Client.Wsdl;

namespace SoapMiddleware.Client.Dynamic;

/// <summary>
/// What the mapping from a WSDL to a callable description could not use, each said once: the schema model carries no
/// line numbers, so a warning names the construct (type, element, operation) in the main document.
/// </summary>
internal sealed class MappingWarnings(Uri document)
{
    private readonly List<WsdlWarning> _warnings = [];
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);

    public IReadOnlyList<WsdlWarning> All => _warnings;

    public void Add(string message)
    {
        if (_seen.Add(message))
        {
            _warnings.Add(new WsdlWarning(message, document, 0, 0));
        }
    }
}
