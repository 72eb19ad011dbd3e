using System.Globalization;
using System.Text.Json;
using System.Xml.Linq;
using SoapMiddleware.Model;

namespace SoapMiddleware.Protocols.Json;

/// <summary>
/// Turns a JSON arguments object into the wrapper element the SOAP body would carry
/// (<c>{"a":1,"b":2}</c> → <c>&lt;Add xmlns="tns"&gt;&lt;a&gt;1&lt;/a&gt;&lt;b&gt;2&lt;/b&gt;&lt;/Add&gt;</c>), so the model reader
/// validates it and names the element path exactly as for SOAP. Arrays become wrapped item elements named by the
/// model, <c>null</c> becomes <c>xsi:nil</c>. Only the JSON shape is checked here (an object where a number belongs);
/// values, occurrences and DataAnnotations are left to the reader.
/// </summary>
/// <remarks>
/// Good requests no longer take this path (<see cref="JsonModelReader"/> reads them straight into the argument array):
/// it builds <see cref="MethodContext.InDocument"/> when something asks for it, and reads requests that are not good,
/// so their faults keep their messages and stages.
/// </remarks>
internal static class JsonArgumentReader
{
    private static readonly XAttribute NilTrue = new(XmlNames.Nil, "true");

    public static XElement ReadMessage(JsonElement arguments, RpcMessage message, XNamespace ns)
    {
        if (arguments.ValueKind != JsonValueKind.Object)
        {
            throw RpcFault.Client($"Element '{message.ElementName}': expected a JSON object of arguments, got {Describe(arguments)}.");
        }

        var wrapper = new XElement(ns + message.ElementName);
        AddMembers(wrapper, arguments, message.Members, ns, message.ElementName);
        return wrapper;
    }

    // A type hint names the known type to read: the element gets its xsi:type, and the model reader does the rest
    // (an abstract type without one is its fault).
    private static RpcType Typed(XElement element, JsonElement value, RpcType declared, string path)
    {
        if (JsonTypeHint.Of(value) is not { } hint)
        {
            return declared;
        }

        var known = JsonTypeHint.Find(declared, hint)
            ?? throw RpcFault.Client($"Element '{path}': {JsonTypeHint.Property} '{EchoedText.Cap(hint)}' is not {declared.SchemaName.Name} nor one of its known types.");
        element.Add(new XAttribute(XNamespace.Xmlns + "kt", known.SchemaName.Namespace), new XAttribute(XmlNames.Xsi + "type", "kt:" + known.SchemaName.Name));
        return known;
    }

    private static void AddMembers(XElement parent, JsonElement obj, IReadOnlyList<RpcMember> members, XNamespace ns, string path, bool typeHint = false)
    {
        foreach (var property in obj.EnumerateObject())
        {
            if (typeHint && property.NameEquals(JsonTypeHint.Property))
            {
                continue;
            }

            var member = Find(members, property.Name)
                ?? throw RpcFault.Client($"Element '{path}/{EchoedText.Cap(property.Name)}': unknown element; expected {Expected(members)}.");
            if (member.IsAttribute)
            {
                // An [XmlAttribute] member: an attribute of the parent, as in the SOAP body; null is an absent attribute.
                if (parent.Attribute(member.ElementName!) is not null)
                {
                    throw RpcFault.Client($"Element '{path}/@{member.Name}': the attribute appears more than once.");
                }

                if (property.Value.ValueKind != JsonValueKind.Null)
                {
                    parent.SetAttributeValue(member.ElementName!, Text(property.Value, path + "/" + member.Name));
                }

                continue;
            }

            parent.Add(Element(member.ElementName ?? ns + member.Name, property.Value, member.Type, ns, path + "/" + member.Name));
        }
    }

    private static XElement Element(XName name, JsonElement value, RpcType type, XNamespace ns, string path)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            return new XElement(name, NilTrue);
        }

        switch (type.Kind)
        {
            case RpcTypeKind.Complex:
                Expect(value, JsonValueKind.Object, path, "an object");
                var complex = new XElement(name);
                var polymorphic = type.IsPolymorphic;
                if (polymorphic)
                {
                    type = Typed(complex, value, type, path);
                }

                AddMembers(complex, value, type.Members, ns, path, polymorphic);
                return complex;
            case RpcTypeKind.Array:
                Expect(value, JsonValueKind.Array, path, "an array");
                var array = new XElement(name);
                var itemType = type.ItemType!;
                var itemName = type.ItemElementName ?? ns + itemType.ItemName;
                var index = 0;
                foreach (var item in value.EnumerateArray())
                {
                    index++;
                    array.Add(Element(itemName, item, itemType, ns, $"{path}/{itemName.LocalName}[{index.ToString(CultureInfo.InvariantCulture)}]"));
                }

                return array;
            default:
                return new XElement(name, Text(value, path));
        }
    }

    /// <summary>A primitive's element text: strings as they are, numbers as written, booleans as <c>true</c>/<c>false</c>.</summary>
    private static string Text(JsonElement value, string path) => TextOf(value, out var invalidText) ?? throw (invalidText
        ? RpcFault.Client($"Element '{path}': the string is not valid text (invalid UTF-8 bytes or a lone surrogate escape such as \\ud800).")
        : RpcFault.Client($"Element '{path}': expected a JSON string, number or boolean, got {Describe(value)}."));

    /// <summary>
    /// A primitive's element text, or null when <paramref name="value"/> is not a string, number or boolean, or is a
    /// string that is not valid text (<paramref name="invalidText"/>: invalid UTF-8 or a lone surrogate escape, the
    /// client's mistake, not ours). Shared with <see cref="JsonModelReader"/>, so both paths read the same text.
    /// </summary>
    internal static string? TextOf(JsonElement value, out bool invalidText)
    {
        invalidText = false;
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                try
                {
                    return value.GetString()!;
                }
                catch (InvalidOperationException)
                {
                    invalidText = true;
                    return null;
                }

            case JsonValueKind.Number:
                return value.GetRawText();
            case JsonValueKind.True:
                return "true";
            case JsonValueKind.False:
                return "false";
            default:
                return null;
        }
    }

    private static void Expect(JsonElement value, JsonValueKind kind, string path, string what)
    {
        if (value.ValueKind != kind)
        {
            throw RpcFault.Client($"Element '{path}': expected {what}, got {Describe(value)}.");
        }
    }

    // Exact name first; a JSON client's camelCase ("customer" for Customer) is accepted too.
    internal static RpcMember? Find(IReadOnlyList<RpcMember> members, string name)
    {
        for (var i = 0; i < members.Count; i++)
        {
            if (members[i].Name == name)
            {
                return members[i];
            }
        }

        for (var i = 0; i < members.Count; i++)
        {
            if (string.Equals(members[i].Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return members[i];
            }
        }

        return null;
    }

    private static string Expected(IReadOnlyList<RpcMember> members)
        => members.Count == 0 ? "no members" : string.Join(", ", members.Select(m => m.Name));

    internal static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };
}
