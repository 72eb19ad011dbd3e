using System.Xml;
using SoapMiddleware.Client.Wsdl.Schema;

namespace SoapMiddleware.Tool.Inspect;

/// <summary>Short names for qualified names, as zeep prints them: <c>xsd:int</c>, <c>ns0:Order</c>, with the table of prefixes.</summary>
internal sealed class Prefixes
{
    private readonly Dictionary<string, string> _prefixes = new() { [XsdNames.Xsd] = "xsd" };

    /// <summary>Each prefix and its namespace, in the order first used.</summary>
    public IEnumerable<(string Prefix, string Namespace)> All => _prefixes.Select(p => (p.Value, p.Key));

    public string Name(XmlQualifiedName name)
    {
        if (name.Namespace.Length == 0)
        {
            return name.Name;
        }

        if (!_prefixes.TryGetValue(name.Namespace, out var prefix))
        {
            prefix = name.Namespace == XsdNames.SoapEncoding ? "soapenc" : $"ns{_prefixes.Count - 1}";
            _prefixes[name.Namespace] = prefix;
        }

        return $"{prefix}:{name.Name}";
    }
}
