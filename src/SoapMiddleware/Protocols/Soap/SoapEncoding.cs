using System.Globalization;
using System.Xml.Linq;
using SoapMiddleware.Model;

namespace SoapMiddleware.Protocols.Soap;

/// <summary>
/// SOAP 1.1 section 5 encoding (<c>use="encoded"</c>) around the literal serializer, for the client: a request's parts
/// get <c>xsi:type</c>, arrays <c>soapenc:Array</c> with their <c>arrayType</c>; a response's multi-references
/// (<c>href="#id"</c> to an element with that <c>id</c>) are resolved and array items renamed to what the literal
/// reader expects, whatever the server called them (<c>item</c>, the type's name).
/// </summary>
internal static class SoapEncoding
{
    public static readonly XNamespace Encoding11 = "http://schemas.xmlsoap.org/soap/encoding/";
    public static readonly XNamespace Encoding12 = "http://www.w3.org/2003/05/soap-encoding";
    private static readonly XNamespace Xsd = "http://www.w3.org/2001/XMLSchema";

    /// <summary>The most elements a response's references may copy: a reference graph cannot grow past it.</summary>
    private const int MaxCopiedElements = 100_000;

    /// <summary>Marks <paramref name="wrapper"/> (the rpc operation element) encoded and types each part.</summary>
    public static void Annotate(XElement wrapper, RpcMessage message, SoapVersion version)
    {
        var encoding = version.Is12 ? Encoding12 : Encoding11;
        var namespaces = new Dictionary<XNamespace, string> { [Xsd] = "xsd", [encoding] = "soapenc" };
        wrapper.SetAttributeValue(version.Namespace + "encodingStyle", encoding.NamespaceName);
        AnnotateMembers(wrapper, message.Members, encoding, namespaces, 0);
        wrapper.SetAttributeValue(XNamespace.Xmlns + "xsi", XmlNames.Xsi.NamespaceName);
        foreach (var (ns, prefix) in namespaces)
        {
            wrapper.SetAttributeValue(XNamespace.Xmlns + prefix, ns.NamespaceName);
        }
    }

    /// <summary>
    /// Resolves the references under <paramref name="content"/> (targets anywhere in <paramref name="body"/>) and names
    /// array items as <paramref name="message"/>'s types expect; returns <paramref name="content"/>, changed in place.
    /// </summary>
    /// <exception cref="InvalidDataException">A reference names no element, or the references copy too much.</exception>
    public static XElement Normalize(XElement content, XElement body, RpcMessage message, XNamespace modelNamespace)
    {
        var targets = new Dictionary<string, XElement>(StringComparer.Ordinal);
        foreach (var element in body.Descendants())
        {
            if (element.Attribute("id") is { } id)
            {
                targets.TryAdd(id.Value, element);
            }
        }

        var budget = MaxCopiedElements;
        NormalizeMembers(content, message.Members, targets, modelNamespace, ref budget, 0);
        return content;
    }

    private static void AnnotateMembers(XElement parent, IReadOnlyList<RpcMember> members, XNamespace encoding, Dictionary<XNamespace, string> namespaces, int depth)
    {
        foreach (var child in parent.Elements())
        {
            if (MemberOf(members, child) is { } member)
            {
                Annotate(child, member.IsRepeated ? member.Type.ItemType! : member.Type, encoding, namespaces, depth + 1);
            }
        }
    }

    private static void Annotate(XElement element, RpcType type, XNamespace encoding, Dictionary<XNamespace, string> namespaces, int depth)
    {
        if (depth > 64 || element.Attribute(XmlNames.Nil) is not null)
        {
            return;
        }

        switch (type.Kind)
        {
            case RpcTypeKind.Array:
                var items = element.Elements().ToList();
                element.SetAttributeValue(XmlNames.Xsi + "type", "soapenc:Array");
                element.SetAttributeValue(encoding + "arrayType", $"{Prefixed(type.ItemType!, namespaces)}[{items.Count.ToString(CultureInfo.InvariantCulture)}]");
                foreach (var item in items)
                {
                    Annotate(item, type.ItemType!, encoding, namespaces, depth + 1);
                }

                break;
            case RpcTypeKind.Complex:
                type = Actual(type, element) ?? type; // a derived type the writer marked keeps its mark
                element.SetAttributeValue(XmlNames.Xsi + "type", Prefixed(type, namespaces));
                AnnotateMembers(element, type.Members, encoding, namespaces, depth);
                break;
            case RpcTypeKind.Primitive when type.IsXml && element.Attribute(XmlNames.Xsi + "type") is not null:
                break; // XML given as it is keeps its own xsi:type
            default:
                element.SetAttributeValue(XmlNames.Xsi + "type", Prefixed(type, namespaces));
                break;
        }
    }

    // The derived type an element's xsi:type names in place of a polymorphic declared type; null when none (the
    // model reader reports a name it does not know).
    private static RpcType? Actual(RpcType declared, XElement element)
    {
        if (!declared.IsPolymorphic || element.Attribute(XmlNames.Xsi + "type") is not { } typed)
        {
            return null;
        }

        try
        {
            return XsiTypes.Resolve(declared, typed.Value, element);
        }
        catch (ModelReadException)
        {
            return null;
        }
    }

    private static string Prefixed(RpcType type, Dictionary<XNamespace, string> namespaces)
    {
        var ns = XNamespace.Get(type.SchemaName.Namespace);
        if (!namespaces.TryGetValue(ns, out var prefix))
        {
            namespaces[ns] = prefix = "t" + namespaces.Count.ToString(CultureInfo.InvariantCulture);
        }

        return prefix + ":" + type.SchemaName.Name;
    }

    private static void NormalizeMembers(XElement parent, IReadOnlyList<RpcMember> members, Dictionary<string, XElement> targets, XNamespace modelNamespace, ref int budget, int depth)
    {
        foreach (var child in parent.Elements())
        {
            Dereference(child, targets, ref budget);
            if (MemberOf(members, child) is { } member)
            {
                Normalize(child, member.IsRepeated ? member.Type.ItemType! : member.Type, targets, modelNamespace, ref budget, depth + 1);
            }
        }
    }

    private static void Normalize(XElement element, RpcType type, Dictionary<string, XElement> targets, XNamespace modelNamespace, ref int budget, int depth)
    {
        if (depth > 64)
        {
            throw new InvalidDataException("the encoded response is nested deeper than 64 levels");
        }

        switch (type.Kind)
        {
            case RpcTypeKind.Array:
                var itemName = type.ItemElementName ?? modelNamespace + type.ItemType!.ItemName;
                foreach (var item in element.Elements())
                {
                    Dereference(item, targets, ref budget);
                    item.Name = itemName;
                    Normalize(item, type.ItemType!, targets, modelNamespace, ref budget, depth + 1);
                }

                break;
            case RpcTypeKind.Complex:
                NormalizeMembers(element, (Actual(type, element) ?? type).Members, targets, modelNamespace, ref budget, depth);
                break;
        }
    }

    /// <summary>Gives an element with <c>href="#id"</c> the attributes (but the id) and content of the element it names.</summary>
    private static void Dereference(XElement element, Dictionary<string, XElement> targets, ref int budget)
    {
        if (element.Attribute("href") is not { } href)
        {
            return;
        }

        var id = href.Value.StartsWith('#') ? href.Value[1..] : href.Value;
        if (!targets.TryGetValue(id, out var target))
        {
            throw new InvalidDataException($"the reference '{EchoedText.Cap(href.Value)}' names no element of the body");
        }

        budget -= 1 + target.Descendants().Count();
        if (budget < 0)
        {
            throw new InvalidDataException($"its references copy more than {MaxCopiedElements} elements");
        }

        href.Remove();
        foreach (var attribute in target.Attributes())
        {
            if (attribute.Name != "id" && !attribute.IsNamespaceDeclaration)
            {
                element.SetAttributeValue(attribute.Name, attribute.Value);
            }
        }

        element.Add(target.Nodes().Select(n => n is XElement e ? new XElement(e) : n));
    }

    private static RpcMember? MemberOf(IReadOnlyList<RpcMember> members, XElement element)
    {
        foreach (var member in members)
        {
            if (!member.IsAttribute && (member.ElementName?.LocalName ?? member.Name) == element.Name.LocalName)
            {
                return member;
            }
        }

        return null;
    }
}
