using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace SoapMiddleware.Model;

/// <summary>
/// Writes the XSD of a type model: message elements, extra elements (headers, fault details) and the named
/// types reachable from them, sorted by name so the WSDL is byte-for-byte stable between runs.
/// </summary>
internal static class XsdSchemaBuilder
{
    private static readonly XNamespace Xs = XmlNames.Xs;

    public static XElement Build(TypeModel model, IEnumerable<RpcMessage> messages, IEnumerable<(XName Element, RpcType Type)> extraElements)
    {
        ArgumentNullException.ThrowIfNull(model);
        var ns = model.TargetNamespace;
        var schema = new XElement(Xs + "schema",
            new XAttribute(XNamespace.Xmlns + "xs", Xs.NamespaceName),
            new XAttribute(XNamespace.Xmlns + "tns", ns),
            new XAttribute("targetNamespace", ns),
            new XAttribute("elementFormDefault", "qualified"));
        var named = new SortedDictionary<string, RpcType>(StringComparer.Ordinal);
        var declared = new HashSet<string>(StringComparer.Ordinal);

        foreach (var message in messages)
        {
            if (declared.Add(message.ElementName))
            {
                schema.Add(new XElement(Xs + "element", new XAttribute("name", message.ElementName), Sequence(message.Members, named, ns)));
            }
        }

        foreach (var (element, type) in extraElements)
        {
            // Declared in the target namespace: headers and fault details share the schema of the messages.
            if (declared.Add(element.LocalName))
            {
                Collect(type, named);
                schema.Add(new XElement(Xs + "element", new XAttribute("name", element.LocalName), new XAttribute("type", TypeRef(type, ns))));
            }
        }

        foreach (var type in named.Values.ToList())
        {
            schema.Add(NamedType(type, named, ns));
        }

        return schema;
    }

    private static XElement Sequence(IReadOnlyList<RpcMember> members, SortedDictionary<string, RpcType> named, string ns)
    {
        var sequence = new XElement(Xs + "sequence");
        foreach (var member in members)
        {
            sequence.Add(MemberElement(member, named, ns));
        }

        return new XElement(Xs + "complexType", sequence);
    }

    private static XElement MemberElement(RpcMember member, SortedDictionary<string, RpcType> named, string ns)
    {
        Collect(member.Type, named);
        var element = new XElement(Xs + "element",
            new XAttribute("name", member.Name),
            new XAttribute("minOccurs", member.MinOccurs.ToString(CultureInfo.InvariantCulture)));
        if (member.IsNillable)
        {
            element.Add(new XAttribute("nillable", "true"));
        }

        var constraints = member.Constraints;
        if (constraints is not null && member.Type.Kind == RpcTypeKind.Array && (constraints.MinLength is not null || constraints.MaxLength is not null))
        {
            // Item-count rules: an anonymous wrapper whose item element carries minOccurs/maxOccurs.
            var item = ItemElement(member.Type, ns);
            item.SetAttributeValue("minOccurs", (constraints.MinLength ?? 0).ToString(CultureInfo.InvariantCulture));
            item.SetAttributeValue("maxOccurs", constraints.MaxLength?.ToString(CultureInfo.InvariantCulture) ?? "unbounded");
            element.Add(new XElement(Xs + "complexType", new XElement(Xs + "sequence", item)));
            return element;
        }

        var facets = constraints is null ? [] : XsdFacets.For(member.Type, constraints);
        if (facets.Count > 0)
        {
            // Facets on a primitive: an anonymous restriction of the member's type, inline.
            element.Add(new XElement(Xs + "simpleType", new XElement(Xs + "restriction", new XAttribute("base", TypeRef(member.Type, ns)), facets)));
            return element;
        }

        element.Add(new XAttribute("type", TypeRef(member.Type, ns)));
        return element;
    }

    private static XElement NamedType(RpcType type, SortedDictionary<string, RpcType> named, string ns)
    {
        var name = new XAttribute("name", type.SchemaName.Name);
        switch (type.Kind)
        {
            case RpcTypeKind.Complex:
                if (type.HasAttributeMembers)
                {
                    return WithAttributes(type, named, ns, name);
                }

                var sequence = Sequence(type.Members, named, ns);
                sequence.Add(name);
                return sequence;
            case RpcTypeKind.Array:
                return new XElement(Xs + "complexType", name, new XElement(Xs + "sequence", ItemElement(type, ns)));
            case RpcTypeKind.Enum:
                var restriction = new XElement(Xs + "restriction", new XAttribute("base", "xs:string"));
                foreach (var value in type.EnumNames)
                {
                    restriction.Add(new XElement(Xs + "enumeration", new XAttribute("value", value)));
                }

                return new XElement(Xs + "simpleType", name, restriction);
            default:
                // The only named primitive: guid, a pattern-restricted string.
                return new XElement(Xs + "simpleType", name,
                    new XElement(Xs + "restriction", new XAttribute("base", "xs:string"),
                        new XElement(Xs + "pattern", new XAttribute("value", PrimitiveCodecs.GuidPattern))));
        }
    }

    // A sequence of the element members, then one xs:attribute per attribute member (XSD puts attributes last).
    private static XElement WithAttributes(RpcType type, SortedDictionary<string, RpcType> named, string ns, XAttribute name)
    {
        var complexType = Sequence(type.Members.Where(m => !m.IsAttribute).ToList(), named, ns);
        complexType.Add(name);
        foreach (var member in type.Members)
        {
            if (!member.IsAttribute)
            {
                continue;
            }

            Collect(member.Type, named);
            var attribute = new XElement(Xs + "attribute",
                new XAttribute("name", member.Name),
                new XAttribute("use", member.MinOccurs > 0 ? "required" : "optional"));
            var facets = member.Constraints is null ? [] : XsdFacets.For(member.Type, member.Constraints);
            if (facets.Count > 0)
            {
                attribute.Add(new XElement(Xs + "simpleType", new XElement(Xs + "restriction", new XAttribute("base", TypeRef(member.Type, ns)), facets)));
            }
            else
            {
                attribute.Add(new XAttribute("type", TypeRef(member.Type, ns)));
            }

            complexType.Add(attribute);
        }

        return complexType;
    }

    private static XElement ItemElement(RpcType arrayType, string ns)
    {
        var item = new XElement(Xs + "element",
            new XAttribute("name", arrayType.ItemElementName?.LocalName ?? arrayType.ItemType!.ItemName),
            new XAttribute("minOccurs", "0"),
            new XAttribute("maxOccurs", "unbounded"));
        if (arrayType.ItemNillable)
        {
            item.Add(new XAttribute("nillable", "true"));
        }

        item.Add(new XAttribute("type", TypeRef(arrayType.ItemType!, ns)));
        return item;
    }

    // Walks member and item types; complex members are described while their own type is emitted.
    private static void Collect(RpcType type, SortedDictionary<string, RpcType> named)
    {
        if (!type.IsNamed || !named.TryAdd(type.SchemaName.Name, type))
        {
            return;
        }

        if (type.ItemType is not null)
        {
            Collect(type.ItemType, named);
        }

        foreach (var member in type.Members)
        {
            Collect(member.Type, named);
        }
    }

    private static string TypeRef(RpcType type, string ns)
    {
        XmlQualifiedName name = type.SchemaName;
        return (name.Namespace == PrimitiveCodecs.Xsd ? "xs:" : name.Namespace == ns ? "tns:" : "") + name.Name;
    }
}
