using System.Globalization;
using System.Xml.Linq;

namespace SoapMiddleware.Model;

/// <summary>
/// Writes the XSD of a type model: message elements, extra elements (headers, fault details) and the named
/// types reachable from them, sorted by name so the WSDL is byte-for-byte stable between runs. Each namespace gets
/// its own schema (<see cref="XsdSchemaSet"/>): the target namespace's holds the messages; a type lives in the schema
/// of its own namespace, and its members are declared there too.
/// </summary>
internal static class XsdSchemaBuilder
{
    private static readonly XNamespace Xs = XmlNames.Xs;

    /// <summary>The schemas, the target namespace's first; one schema for a model whose types share that namespace.</summary>
    public static IReadOnlyList<XElement> Build(TypeModel model, IEnumerable<RpcMessage> messages, IEnumerable<(XName Element, RpcType Type)> extraElements)
    {
        ArgumentNullException.ThrowIfNull(model);
        var ns = model.TargetNamespace;
        var set = new XsdSchemaSet(ns);
        var schema = set.SchemaOf(ns);
        var named = new SortedDictionary<string, RpcType>(StringComparer.Ordinal);
        var declared = new HashSet<XName>();

        foreach (var message in messages)
        {
            if (declared.Add(XName.Get(message.ElementName, ns)))
            {
                schema.Add(new XElement(Xs + "element", new XAttribute("name", message.ElementName), Sequence(message.Members, named, set, ns)));
            }
        }

        foreach (var (element, type) in extraElements)
        {
            // Headers and fault details: each in the schema of its element's namespace.
            if (declared.Add(element))
            {
                Collect(type, named);
                var elementNamespace = element.NamespaceName;
                set.SchemaOf(elementNamespace).Add(new XElement(Xs + "element",
                    new XAttribute("name", element.LocalName), new XAttribute("type", set.Reference(type.SchemaName, elementNamespace))));
            }
        }

        foreach (var type in named.Values.ToList())
        {
            var typeNamespace = type.SchemaName.Namespace;
            set.SchemaOf(typeNamespace).Add(NamedType(type, named, set, typeNamespace));
        }

        return set.Complete();
    }

    private static XElement Sequence(IReadOnlyList<RpcMember> members, SortedDictionary<string, RpcType> named, XsdSchemaSet set, string ns)
    {
        var sequence = new XElement(Xs + "sequence");
        foreach (var member in members)
        {
            sequence.Add(MemberElement(member, named, set, ns));
        }

        return new XElement(Xs + "complexType", sequence);
    }

    private static XElement MemberElement(RpcMember member, SortedDictionary<string, RpcType> named, XsdSchemaSet set, string ns)
    {
        Collect(member.Type, named);
        var element = new XElement(Xs + "element",
            new XAttribute("name", member.Name),
            new XAttribute("minOccurs", member.MinOccurs.ToString(CultureInfo.InvariantCulture)));
        if (member.IsNillable)
        {
            element.Add(new XAttribute("nillable", "true"));
        }

        if (member.ExpectedContentTypes is { } contentTypes)
        {
            element.Add(new XAttribute(XNamespace.Xmlns + "xmime", Xml.XopNames.XmimeNamespace),
                new XAttribute(XName.Get("expectedContentTypes", Xml.XopNames.XmimeNamespace), contentTypes));
        }

        var constraints = member.Constraints;
        if (constraints is not null && member.Type.Kind == RpcTypeKind.Array && (constraints.MinLength is not null || constraints.MaxLength is not null)
            && member.Type.SchemaName.Namespace == ns)
        {
            // Item-count rules: an anonymous wrapper whose item element carries minOccurs/maxOccurs. Only where the
            // items share the member's namespace: a local item element is qualified in the schema declaring it.
            var item = ItemElement(member.Type, set, ns);
            item.SetAttributeValue("minOccurs", (constraints.MinLength ?? 0).ToString(CultureInfo.InvariantCulture));
            item.SetAttributeValue("maxOccurs", constraints.MaxLength?.ToString(CultureInfo.InvariantCulture) ?? "unbounded");
            element.Add(new XElement(Xs + "complexType", new XElement(Xs + "sequence", item)));
            return element;
        }

        var facets = constraints is null ? [] : XsdFacets.For(member.Type, constraints);
        if (facets.Count > 0)
        {
            // Facets on a primitive: an anonymous restriction of the member's type, inline.
            element.Add(new XElement(Xs + "simpleType", new XElement(Xs + "restriction", new XAttribute("base", set.Reference(member.Type.SchemaName, ns)), facets)));
            return element;
        }

        element.Add(new XAttribute("type", set.Reference(member.Type.SchemaName, ns)));
        return element;
    }

    private static XElement NamedType(RpcType type, SortedDictionary<string, RpcType> named, XsdSchemaSet set, string ns)
    {
        var name = new XAttribute("name", type.SchemaName.Name);
        switch (type.Kind)
        {
            case RpcTypeKind.Complex:
                if (type.HasAttributeMembers)
                {
                    return WithAttributes(type, named, set, ns, name);
                }

                if (type.BaseType is not null)
                {
                    return Extension(type, named, set, ns, name);
                }

                var sequence = Sequence(type.Members, named, set, ns);
                sequence.Add(name);
                AddAbstract(sequence, type);
                return sequence;
            case RpcTypeKind.Array:
                return new XElement(Xs + "complexType", name, new XElement(Xs + "sequence", ItemElement(type, set, ns)));
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

    // A derived data contract as DataContractSerializer describes it: an extension of its base with its own members.
    // An abstract base is not marked abstract="true", as WCF does not: DataContractSerializer's schema importer
    // (svcutil, "Add Service Reference") refuses abstract complex types ("Abstract type is not supported"), so a
    // client generated from such a WSDL would fall back to XmlSerializer. The reader refuses it without xsi:type.
    private static XElement Extension(RpcType type, SortedDictionary<string, RpcType> named, XsdSchemaSet set, string ns, XAttribute name)
    {
        var own = Sequence(type.Members.Skip(type.InheritedMemberCount).ToList(), named, set, ns).Element(Xs + "sequence");
        var complexType = new XElement(Xs + "complexType", name,
            new XElement(Xs + "complexContent", new XAttribute("mixed", "false"),
                new XElement(Xs + "extension", new XAttribute("base", set.Reference(type.BaseType!.SchemaName, ns)), own)));
        AddAbstract(complexType, type);
        return complexType;
    }

    // XmlSerializer marks an abstract class abstract="true" (its importer reads it); see above for data contracts.
    private static void AddAbstract(XElement complexType, RpcType type)
    {
        if (type.IsAbstract && !DataContractShape.IsDataContract(type.ClrType))
        {
            complexType.Add(new XAttribute("abstract", "true"));
        }
    }

    // A sequence of the element members, then one xs:attribute per attribute member (XSD puts attributes last).
    private static XElement WithAttributes(RpcType type, SortedDictionary<string, RpcType> named, XsdSchemaSet set, string ns, XAttribute name)
    {
        var complexType = Sequence(type.Members.Where(m => !m.IsAttribute).ToList(), named, set, ns);
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
                attribute.Add(new XElement(Xs + "simpleType", new XElement(Xs + "restriction", new XAttribute("base", set.Reference(member.Type.SchemaName, ns)), facets)));
            }
            else
            {
                attribute.Add(new XAttribute("type", set.Reference(member.Type.SchemaName, ns)));
            }

            complexType.Add(attribute);
        }

        return complexType;
    }

    private static XElement ItemElement(RpcType arrayType, XsdSchemaSet set, string ns)
    {
        var item = new XElement(Xs + "element",
            new XAttribute("name", arrayType.ItemElementName?.LocalName ?? arrayType.ItemType!.ItemName),
            new XAttribute("minOccurs", "0"),
            new XAttribute("maxOccurs", "unbounded"));
        if (arrayType.ItemNillable)
        {
            item.Add(new XAttribute("nillable", "true"));
        }

        item.Add(new XAttribute("type", set.Reference(arrayType.ItemType!.SchemaName, ns)));
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

        // A base and the known types are in the schema even where no member names them: xsi:type refers to them.
        if (type.BaseType is not null)
        {
            Collect(type.BaseType, named);
        }

        foreach (var known in type.KnownTypes)
        {
            Collect(known, named);
        }
    }
}
