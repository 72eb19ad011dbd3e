using System.Xml;
using System.Xml.Linq;
using SoapMiddleware.Client.Wsdl.Schema;

namespace SoapMiddleware.Client.Wsdl.Reading;

/// <summary>Reads complex types, simple types, elements and particles of a schema (global or anonymous).</summary>
internal sealed class TypeReader(QNames names, WarningSink warnings)
{
    private readonly AttributeReader _attributes = new(names, warnings);

    public XsdComplexType ReadComplexType(XElement complexType, SchemaContext context, XmlQualifiedName? name)
    {
        XsdParticle? content = null;
        XmlQualifiedName? baseType = null;
        var derivation = XsdDerivation.None;
        var simpleContent = false;
        var mixed = complexType.Attribute("mixed")?.Value is "true" or "1";
        var attributes = new List<XsdAttribute>();
        var groups = new List<XmlQualifiedName>();
        foreach (var child in complexType.Elements())
        {
            if (XsNames.Is(child, "simpleContent") || XsNames.Is(child, "complexContent"))
            {
                simpleContent = child.Name.LocalName == "simpleContent";
                mixed |= child.Attribute("mixed")?.Value is "true" or "1";
                var derived = child.Elements().FirstOrDefault(e => XsNames.Is(e, "extension") || XsNames.Is(e, "restriction"));
                if (derived is null)
                {
                    warnings.Add($"{child.Name.LocalName} without extension or restriction; empty", context.Document, child);
                    continue;
                }

                derivation = derived.Name.LocalName == "extension" ? XsdDerivation.Extension : XsdDerivation.Restriction;
                baseType = names.Read(derived, "base", context.Document);
                content = ReadContent(derived, context);
                ReadAttributes(derived, context, attributes, groups);
            }
            else if (!XsNames.Is(child, "annotation") && !IsAttributeLike(child))
            {
                content ??= ReadParticle(child, context);
            }
        }

        ReadAttributes(complexType, context, attributes, groups);
        return new XsdComplexType
        {
            Name = name,
            BaseType = baseType,
            Derivation = derivation,
            IsSimpleContent = simpleContent,
            Content = content,
            Attributes = attributes,
            AttributeGroups = groups,
            ArrayItemType = ArrayShape.ItemType(baseType, derivation, content, attributes),
            IsAbstract = complexType.Attribute("abstract")?.Value is "true" or "1",
            IsMixed = mixed,
            Source = SourceLocation.Of(context.Document, complexType),
        };
    }

    public XsdSimpleType ReadSimpleType(XElement simpleType, SchemaContext context, XmlQualifiedName? name) =>
        SimpleTypeReader.Read(simpleType, context, name, names, warnings);

    public XsdElement ReadElement(XElement element, SchemaContext context, bool global)
    {
        var (min, max) = ReadOccurs(element, context);
        if (names.Read(element, "ref", context.Document) is { } reference)
        {
            return new XsdElement
            {
                Name = reference, Type = null, AnonymousType = null, IsReference = true, IsNillable = false, MinOccurs = min, MaxOccurs = max,
                Source = SourceLocation.Of(context.Document, element),
            };
        }

        var qualified = global || element.Attribute("form")?.Value switch
        {
            "qualified" => true,
            "unqualified" => false,
            _ => context.QualifiedElements,
        };
        XsdType? anonymous = null;
        foreach (var child in element.Elements())
        {
            if (XsNames.Is(child, "complexType"))
            {
                anonymous = ReadComplexType(child, context, null);
            }
            else if (XsNames.Is(child, "simpleType"))
            {
                anonymous = ReadSimpleType(child, context, null);
            }
        }

        var type = names.Read(element, "type", context.Document);
        var substitution = names.Read(element, "substitutionGroup", context.Document);
        return new XsdElement
        {
            Name = new XmlQualifiedName(element.Attribute("name")?.Value ?? "", qualified ? context.TargetNamespace : ""),
            Type = anonymous is null ? type ?? XsdNames.AnyType : null,
            AnonymousType = anonymous,
            IsReference = false,
            IsNillable = element.Attribute("nillable")?.Value is "true" or "1",
            SubstitutionGroup = substitution,
            MinOccurs = global ? 1 : min,
            MaxOccurs = global ? 1 : max,
            Source = SourceLocation.Of(context.Document, element),
        };
    }

    /// <summary>An element, sequence, choice, all, group reference or any; null (and a warning) for anything else.</summary>
    public XsdParticle? ReadParticle(XElement particle, SchemaContext context)
    {
        var (min, max) = ReadOccurs(particle, context);
        switch (XsdNames.IsXsd(particle.Name.NamespaceName) ? particle.Name.LocalName : "")
        {
            case "element":
                return ReadElement(particle, context, global: false);
            case "sequence" or "choice" or "all":
                var items = new List<XsdParticle>();
                foreach (var child in particle.Elements())
                {
                    if (!XsNames.Is(child, "annotation") && ReadParticle(child, context) is { } item)
                    {
                        items.Add(item);
                    }
                }

                var kind = particle.Name.LocalName switch { "sequence" => XsdGroupKind.Sequence, "choice" => XsdGroupKind.Choice, _ => XsdGroupKind.All };
                return new XsdGroup { Kind = kind, Items = items, MinOccurs = min, MaxOccurs = max, Source = SourceLocation.Of(context.Document, particle) };
            case "group" when names.Read(particle, "ref", context.Document) is { } group:
                return new XsdGroupReference { Group = group, MinOccurs = min, MaxOccurs = max, Source = SourceLocation.Of(context.Document, particle) };
            case "any":
                return new XsdAny
                {
                    Namespace = particle.Attribute("namespace")?.Value ?? "##any",
                    ProcessContents = particle.Attribute("processContents")?.Value ?? "strict",
                    MinOccurs = min,
                    MaxOccurs = max,
                    Source = SourceLocation.Of(context.Document, particle),
                };
            default:
                warnings.Add($"{particle.Name.LocalName} is not supported in a content model; skipped", context.Document, particle);
                return null;
        }
    }

    public XsdAttribute ReadAttribute(XElement attribute, SchemaContext context, bool global) =>
        _attributes.Read(attribute, context, global);

    public void ReadAttributes(XElement parent, SchemaContext context, List<XsdAttribute> attributes, List<XmlQualifiedName> groups) =>
        _attributes.ReadAll(parent, context, attributes, groups);

    private XsdParticle? ReadContent(XElement derived, SchemaContext context)
    {
        foreach (var child in derived.Elements())
        {
            if (!XsNames.Is(child, "annotation") && !IsAttributeLike(child) && !IsFacet(child))
            {
                return ReadParticle(child, context);
            }
        }

        return null;
    }

    private static bool IsAttributeLike(XElement element) =>
        XsNames.Is(element, "attribute") || XsNames.Is(element, "attributeGroup") || XsNames.Is(element, "anyAttribute");

    // simpleContent restrictions carry facets (and possibly an anonymous simpleType), which are not particles.
    private static bool IsFacet(XElement element) => XsdNames.IsXsd(element.Name.NamespaceName)
        && element.Name.LocalName is "enumeration" or "pattern" or "length" or "minLength" or "maxLength" or "minInclusive"
            or "maxInclusive" or "minExclusive" or "maxExclusive" or "totalDigits" or "fractionDigits" or "whiteSpace" or "simpleType";

    private (int Min, int Max) ReadOccurs(XElement element, SchemaContext context) =>
        (ReadOccurs(element, "minOccurs", context), ReadOccurs(element, "maxOccurs", context));

    private int ReadOccurs(XElement element, string attribute, SchemaContext context)
    {
        var value = element.Attribute(attribute)?.Value.Trim();
        if (value is null)
        {
            return 1;
        }

        if (value == "unbounded")
        {
            return XsdParticle.Unbounded;
        }

        if (int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }

        warnings.Add($"{attribute}=\"{value}\" is not a number; read as 1", context.Document, element);
        return 1;
    }
}
