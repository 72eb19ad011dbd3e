using System.Xml;
using System.Xml.Linq;
using SoapMiddleware.Client.Wsdl.Schema;

namespace SoapMiddleware.Client.Wsdl.Reading;

/// <summary>
/// Reads the global components of <c>xs:schema</c> elements (embedded or whole documents) into one set, following
/// <c>xs:include</c> (chameleon includes take the includer's namespace) and <c>xs:import</c> into the documents loaded.
/// </summary>
internal sealed class SchemaReader(IReadOnlyDictionary<Uri, LoadedDocument> documents, DocumentLoader loader, QNames names, WarningSink warnings)
{
    private readonly Dictionary<XmlQualifiedName, XsdType> _types = [];
    private readonly Dictionary<XmlQualifiedName, XsdElement> _elements = [];
    private readonly Dictionary<XmlQualifiedName, XsdAttribute> _attributes = [];
    private readonly Dictionary<XmlQualifiedName, XsdParticle> _groups = [];
    private readonly Dictionary<XmlQualifiedName, IReadOnlyList<XsdAttribute>> _attributeGroups = [];
    private readonly List<string> _namespaces = [];
    private readonly HashSet<(Uri, string)> _read = [];
    private readonly TypeReader _typeReader = new(names, warnings);

    public XsdSchemaSet ToSchemaSet() => new()
    {
        Types = _types,
        Elements = _elements,
        Attributes = _attributes,
        Groups = _groups,
        AttributeGroups = _attributeGroups,
        Namespaces = _namespaces,
    };

    /// <summary>Reads a schema document (the root of a loaded document) once per namespace it is read into.</summary>
    public void ReadDocument(LoadedDocument document, string? includerNamespace)
    {
        var root = document.Document.Root!;
        var tns = root.Attribute("targetNamespace")?.Value ?? includerNamespace ?? "";
        if (_read.Add((document.Location, tns)))
        {
            Read(root, document.Location, tns);
        }
    }

    /// <summary>Reads one <c>xs:schema</c> element into the set.</summary>
    public void Read(XElement schema, Uri document, string? targetNamespace = null)
    {
        var tns = targetNamespace ?? schema.Attribute("targetNamespace")?.Value ?? "";
        if (!_namespaces.Contains(tns))
        {
            _namespaces.Add(tns);
        }

        var context = new SchemaContext(
            document,
            tns,
            schema.Attribute("elementFormDefault")?.Value == "qualified",
            schema.Attribute("attributeFormDefault")?.Value == "qualified");
        foreach (var child in schema.Elements())
        {
            ReadGlobal(child, context);
        }
    }

    private void ReadGlobal(XElement child, SchemaContext context)
    {
        var name = child.Attribute("name")?.Value is { } local ? new XmlQualifiedName(local, context.TargetNamespace) : null;
        switch (XsdNames.IsXsd(child.Name.NamespaceName) ? child.Name.LocalName : "")
        {
            case "complexType" when name is not null:
                _types[name] = _typeReader.ReadComplexType(child, context, name);
                break;
            case "simpleType" when name is not null:
                _types[name] = _typeReader.ReadSimpleType(child, context, name);
                break;
            case "element" when name is not null:
                _elements[name] = _typeReader.ReadElement(child, context, global: true);
                break;
            case "attribute" when name is not null:
                _attributes[name] = _typeReader.ReadAttribute(child, context, global: true);
                break;
            case "group" when name is not null:
                if (child.Elements().FirstOrDefault(e => !XsNames.Is(e, "annotation")) is { } content
                    && _typeReader.ReadParticle(content, context) is { } particle)
                {
                    _groups[name] = particle;
                }

                break;
            case "attributeGroup" when name is not null:
                var attributes = new List<XsdAttribute>();
                var nested = new List<XmlQualifiedName>();
                _typeReader.ReadAttributes(child, context, attributes, nested);
                foreach (var reference in nested)
                {
                    // A group of groups: flattened when the inner one is already read (schemas usually declare it first).
                    if (_attributeGroups.TryGetValue(reference, out var inner))
                    {
                        attributes.AddRange(inner);
                    }
                    else
                    {
                        warnings.Add($"attribute group {reference} used by {name} before it is declared; its attributes are left out", context.Document, child);
                    }
                }

                _attributeGroups[name] = attributes;
                break;
            case "include":
                Follow(child, context, includerNamespace: context.TargetNamespace);
                break;
            case "redefine":
                warnings.Add("xs:redefine is read as xs:include; its redefinitions are ignored", context.Document, child);
                Follow(child, context, includerNamespace: context.TargetNamespace);
                break;
            case "import":
                Follow(child, context, includerNamespace: null);
                break;
            case "annotation" or "notation":
                break;
            default:
                warnings.Add($"{child.Name.LocalName} is not supported at the top of a schema (or has no name); skipped", context.Document, child);
                break;
        }
    }

    private void Follow(XElement reference, SchemaContext context, string? includerNamespace)
    {
        if (reference.Attribute("schemaLocation")?.Value is not { Length: > 0 } location)
        {
            // An import by namespace only: the schema is embedded beside this one, or built in (soapenc, xml).
            return;
        }

        // The loader already warned about a location it could not resolve or read.
        if (loader.Resolve(context.Document, location, reference) is { } uri
            && documents.TryGetValue(uri, out var document))
        {
            if (XsNames.IsSchema(document.Document.Root!))
            {
                ReadDocument(document, includerNamespace);
            }
            else
            {
                warnings.Add($"{location} is not an XML schema (its root is {document.Document.Root!.Name.LocalName}); skipped", context.Document, reference);
            }
        }
    }
}
