using System.Xml;
using System.Xml.Linq;
using SoapMiddleware.Client.Wsdl.Schema;
using SoapMiddleware.Description.Schema;

namespace SoapMiddleware.Client.Dynamic;

/// <summary>
/// Maps the XSD types a WSDL's operations use to a <see cref="SchemaDescriptionBuilder"/>'s types, each once: a
/// restriction of a simple type is its base primitive (an enumeration a string), a literal array wrapper
/// (<c>ArrayOfX</c>) or a soapenc array an array, any other complex type a record whose members are its base's then its own (sequence,
/// all and choice flattened; a choice's members optional), attributes included. An extension is a derived type of its
/// base: the types that extend a mapped type are mapped too, so an <c>xsi:type</c> naming one reads as it.
/// <c>xs:anyType</c> (and an element without a type) is XML as it is; anything that cannot be mapped reads as the
/// element's text (a string), with a warning.
/// </summary>
internal sealed class SchemaTypeMapper(XsdSchemaSet schemas, SchemaDescriptionBuilder builder, MappingWarnings warnings)
{
    private static readonly SchemaType Text = SchemaDescriptionBuilder.Primitive("anyType")!;
    private static readonly SchemaType Xml = SchemaDescriptionBuilder.AnyXml();
    private readonly Dictionary<XmlQualifiedName, SchemaType> _named = [];
    private readonly Dictionary<XsdType, SchemaType> _anonymous = new(ReferenceEqualityComparer.Instance);
    private readonly HashSet<XmlQualifiedName> _extending = [];
    private ILookup<XmlQualifiedName, XmlQualifiedName>? _derived;
    private ParticleMapper? _particles;

    /// <summary>XML as it is: the type of <c>xs:anyType</c> elements and <c>xs:any</c> wildcards.</summary>
    public static SchemaType AnyXml => Xml;

    public XsdSchemaSet Schemas => schemas;

    public MappingWarnings Warnings => warnings;

    /// <summary>The type named <paramref name="name"/>: built in, or declared by the schemas.</summary>
    public SchemaType TypeOf(XmlQualifiedName name)
    {
        if (_named.TryGetValue(name, out var known))
        {
            return known;
        }

        if (name == XsdNames.AnyType)
        {
            return _named[name] = Xml;
        }

        if (XsdNames.IsBuiltIn(name))
        {
            var primitive = SchemaDescriptionBuilder.Primitive(name.Name);
            if (primitive is null)
            {
                warnings.Add($"The built-in type '{name}' is not known; its values are read as text.");
            }

            return _named[name] = primitive ?? Text;
        }

        if (!schemas.Types.TryGetValue(name, out var declared))
        {
            warnings.Add($"The type '{name}' is not declared by the schemas; its values are read as text.");
            return _named[name] = Text;
        }

        return Map(declared, name);
    }

    /// <summary>The type of an element declaration: named, anonymous (named after <paramref name="owner"/>), or a reference's.</summary>
    public SchemaType TypeOf(XsdElement element, string owner)
    {
        using var at = warnings.At(element.Source);
        if (element.IsReference)
        {
            return schemas.Elements.TryGetValue(element.Name, out var global) ? TypeOf(global, owner) : Missing(element.Name);
        }

        if (element.Type is { } named)
        {
            return TypeOf(named);
        }

        // An element that names no type is xs:anyType.
        return element.AnonymousType is { } anonymous
            ? _anonymous.GetValueOrDefault(anonymous) ?? Map(anonymous, new XmlQualifiedName(owner + "_" + element.Name.Name, element.Name.Namespace))
            : Xml;
    }

    private SchemaType Missing(XmlQualifiedName element)
    {
        warnings.Add($"The element '{element}' is not declared by the schemas; its values are read as text.");
        return Text;
    }

    private SchemaType Map(XsdType type, XmlQualifiedName name)
    {
        using var at = warnings.At(type.Source);
        var mapped = type switch
        {
            XsdSimpleType simple => MapSimple(simple, name),
            XsdComplexType complex => MapComplex(complex, name),
            _ => Text,
        };
        Remember(type, name, mapped);
        return mapped;
    }

    private void Remember(XsdType type, XmlQualifiedName name, SchemaType mapped)
    {
        if (type.Name is null)
        {
            _anonymous[type] = mapped;
        }
        else
        {
            _named[name] = mapped;
        }
    }

    // A restriction is its base primitive: facets (length, pattern, range) are the server's to check.
    private SchemaType MapSimple(XsdSimpleType simple, XmlQualifiedName name)
    {
        if (simple.Enumeration.Count > 0)
        {
            return builder.Enumeration(name, simple.Enumeration);
        }

        if (simple.ListItemType is not null || simple.UnionMemberTypes.Count > 0)
        {
            return SchemaDescriptionBuilder.Primitive("string")!; // a list is space-separated text, a union any of its members' text
        }

        return simple.BaseType is { } baseType && baseType != name ? TypeOf(baseType) : Text;
    }

    private SchemaType MapComplex(XsdComplexType complex, XmlQualifiedName name)
    {
        if (complex.IsSimpleContent)
        {
            if (complex.Attributes.Count > 0)
            {
                warnings.Add($"The type '{name}' has simple content with attributes; its attributes are not mapped, its text is its value.");
            }

            return complex.BaseType is { } simpleBase && simpleBase != name ? TypeOf(simpleBase) : Text;
        }

        if (complex.ArrayItemType is not null && ArrayOf(complex, name) is { } array)
        {
            return array;
        }

        SchemaType? baseType = null;
        if (complex.Derivation == XsdDerivation.Extension && complex.BaseType is { } baseName && baseName != XsdNames.AnyType)
        {
            baseType = BaseOf(baseName, name);
            if (Mapped(complex, name) is { } meanwhile)
            {
                return meanwhile; // the base's members use this type, and mapped it already
            }
        }

        var record = builder.ComplexType(name, baseType);
        Remember(complex, name, record); // before the members, so a type that contains itself finds itself
        (_particles ??= new ParticleMapper(this, builder)).Add(record, complex, name);
        if (complex.Name is not null)
        {
            MapDerived(name);
        }

        return record;
    }

    private SchemaType? Mapped(XsdType type, XmlQualifiedName name)
        => type.Name is null ? _anonymous.GetValueOrDefault(type) : _named.GetValueOrDefault(name);

    // The base first (its members come first); a base that extends its own derived type is a schema error, not a loop.
    private SchemaType? BaseOf(XmlQualifiedName baseName, XmlQualifiedName name)
    {
        if (_named.TryGetValue(baseName, out var known))
        {
            return known.Kind == SchemaTypeKind.Complex ? known : null;
        }

        if (!_extending.Add(name))
        {
            warnings.Add($"The type '{name}' derives from itself (through '{baseName}'); its base's members are not read.");
            return null;
        }

        try
        {
            var baseType = TypeOf(baseName);
            return baseType.Kind == SchemaTypeKind.Complex ? baseType : null;
        }
        finally
        {
            _extending.Remove(name);
        }
    }

    // The types that extend a mapped one may stand in its place (xsi:type): mapped too, so a response naming one reads.
    private void MapDerived(XmlQualifiedName name)
    {
        _derived ??= schemas.Types
            .Where(t => t.Value is XsdComplexType { Derivation: XsdDerivation.Extension, IsSimpleContent: false, BaseType: not null })
            .ToLookup(t => t.Value.BaseType!, t => t.Key);
        foreach (var derived in _derived[name])
        {
            TypeOf(derived);
        }
    }

    // A literal wrapper of one repeated element (ArrayOfX), or a soapenc array, whose items are written as 'item' and
    // read whatever the server named them (the encoded reader renames them first).
    private SchemaType? ArrayOf(XsdComplexType complex, XmlQualifiedName name)
    {
        if (complex.Content is XsdGroup { Items: [XsdElement item] } && complex.Attributes.Count == 0)
        {
            var itemName = item.Name; // a reference's name is the global element's
            var itemType = TypeOf(item, name.Name);
            var nillable = item.IsNillable || (item.IsReference && schemas.Elements.GetValueOrDefault(item.Name)?.IsNillable == true);
            return builder.ArrayType(name, itemType, XName.Get(itemName.Name, itemName.Namespace), nillable);
        }

        return builder.ArrayType(name, TypeOf(complex.ArrayItemType!), XName.Get("item"), itemNillable: true);
    }
}
