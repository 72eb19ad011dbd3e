using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace SoapMiddleware.Model;

/// <summary>
/// The <c>xs:schema</c> elements of one schema document set, one per target namespace, as WCF writes them: each
/// declares its own namespace as <c>tns</c>, elementFormDefault qualified, and imports every namespace it refers to.
/// A reference to a type of another schema gets a prefix (<c>q1</c>, <c>q2</c> ... in order of first use) declared
/// on the referring schema, and the import.
/// </summary>
internal sealed class XsdSchemaSet(string targetNamespace)
{
    private static readonly XNamespace Xs = XmlNames.Xs;
    private readonly SortedDictionary<string, (XElement Schema, SortedSet<string> Imports)> _schemas = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _prefixes = new(StringComparer.Ordinal);

    /// <summary>The schema of <paramref name="ns"/>, created on first use.</summary>
    public XElement SchemaOf(string ns)
    {
        if (!_schemas.TryGetValue(ns, out var entry))
        {
            entry = (new XElement(Xs + "schema",
                new XAttribute(XNamespace.Xmlns + "xs", Xs.NamespaceName),
                new XAttribute(XNamespace.Xmlns + "tns", ns),
                new XAttribute("targetNamespace", ns),
                new XAttribute("elementFormDefault", "qualified")), new SortedSet<string>(StringComparer.Ordinal));
            _schemas.Add(ns, entry);
        }

        return entry.Schema;
    }

    /// <summary>The qualified name of <paramref name="name"/> as the schema of <paramref name="fromNamespace"/> writes it.</summary>
    public string Reference(XmlQualifiedName name, string fromNamespace)
    {
        if (name.Namespace == PrimitiveCodecs.Xsd)
        {
            return "xs:" + name.Name;
        }

        if (name.Namespace == fromNamespace)
        {
            return "tns:" + name.Name;
        }

        if (!_prefixes.TryGetValue(name.Namespace, out var prefix))
        {
            prefix = "q" + (_prefixes.Count + 1).ToString(CultureInfo.InvariantCulture);
            _prefixes.Add(name.Namespace, prefix);
        }

        var (schema, imports) = _schemas[fromNamespace];
        if (imports.Add(name.Namespace))
        {
            schema.SetAttributeValue(XNamespace.Xmlns + prefix, name.Namespace);
        }

        return prefix + ":" + name.Name;
    }

    /// <summary>The schemas, the target namespace's first, then by namespace; imports lead each schema's content.</summary>
    public IReadOnlyList<XElement> Complete()
    {
        var result = new List<XElement>(_schemas.Count);
        foreach (var (ns, (schema, imports)) in _schemas)
        {
            schema.AddFirst(imports.Select(i => new XElement(Xs + "import", new XAttribute("namespace", i))));
            if (ns == targetNamespace)
            {
                result.Insert(0, schema);
            }
            else
            {
                result.Add(schema);
            }
        }

        return result;
    }
}
