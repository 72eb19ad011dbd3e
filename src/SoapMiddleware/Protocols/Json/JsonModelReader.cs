using System.Text.Json;
using SoapMiddleware.Model;

namespace SoapMiddleware.Protocols.Json;

/// <summary>
/// Reads a JSON arguments object straight into the typed argument array through the type model, without the XML
/// wrapper <see cref="JsonArgumentReader"/> builds: the same member lookup and element text as that converter, then
/// the model's own codecs (<see cref="XmlModelReader.Parse"/>), DataAnnotations rules (<see cref="MemberConstraints"/>),
/// accessors, array shapes, absent values and depth limit, in the same order as <see cref="XmlModelReader"/>.
/// </summary>
/// <remarks>
/// It only decides whether a request is good. Any failure (a value of the wrong JSON kind, a bad value, a rule, an
/// unknown or repeated member) throws without a message of its own: the caller then reads the request the tree way,
/// which raises the fault it always raised, from the stage that raised it (JSON shape while the tree is built, the
/// rest while deserializing). Requests that fail are the rare case, so they may pay for reading twice.
/// </remarks>
internal static class JsonModelReader
{
    /// <summary>The arguments of an operation called with no body: an empty object, backed by no pooled memory.</summary>
    public static readonly JsonElement EmptyArguments = JsonDocument.Parse("{}"u8.ToArray()).RootElement.Clone();

    /// <summary>Reads the arguments of <paramref name="message"/>; absent ones get their default. Throws when the request is not good.</summary>
    public static object?[] ReadMessage(JsonElement arguments, RpcMessage message)
    {
        Expect(arguments, JsonValueKind.Object);
        var members = message.Members;
        var values = members.Count == 0 ? [] : new object?[members.Count];
        ReadMembers(arguments, members, values, 0);
        for (var i = 0; i < values.Length; i++)
        {
            if (ReferenceEquals(values[i], ComplexAccessor.Missing))
            {
                values[i] = members[i].AbsentValue;
            }
        }

        return values;
    }

    private static void ReadMembers(JsonElement obj, IReadOnlyList<RpcMember> members, object?[] values, int depth, bool typeHint = false)
    {
        Array.Fill(values, ComplexAccessor.Missing);
        foreach (var property in obj.EnumerateObject())
        {
            if (typeHint && property.NameEquals(JsonTypeHint.Property))
            {
                continue;
            }

            var index = FindIndex(members, property);
            if (index < 0 || !ReferenceEquals(values[index], ComplexAccessor.Missing))
            {
                throw NotGood();
            }

            values[index] = ReadMember(property.Value, members[index], depth);
        }

        for (var i = 0; i < members.Count; i++)
        {
            if (members[i].MinOccurs > 0 && ReferenceEquals(values[i], ComplexAccessor.Missing))
            {
                throw NotGood();
            }
        }
    }

    private static object? ReadMember(JsonElement value, RpcMember member, int depth)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            // An attribute member's null is an absent attribute, as the tree path reads it.
            return member.IsAttribute ? ComplexAccessor.Missing : member.IsNillable ? null : throw NotGood();
        }

        return ReadValue(value, member.Type, member.Constraints, depth);
    }

    private static object ReadValue(JsonElement value, RpcType type, MemberConstraints? constraints, int depth)
    {
        switch (type.Kind)
        {
            case RpcTypeKind.Complex:
                Expect(value, JsonValueKind.Object);
                CheckDepth(depth);
                var polymorphic = type.IsPolymorphic;
                if (polymorphic)
                {
                    // The tree path names an unknown hint or a missing one for an abstract type in its fault.
                    type = JsonTypeHint.Of(value) is { } hint ? JsonTypeHint.Find(type, hint) ?? throw NotGood() : type;
                    if (type.IsAbstract)
                    {
                        throw NotGood();
                    }
                }

                var accessor = type.Accessor ?? throw NotGood();
                var values = type.Members.Count == 0 ? [] : new object?[type.Members.Count];
                ReadMembers(value, type.Members, values, depth + 1, polymorphic);
                return accessor.Create(values);
            case RpcTypeKind.Array:
                Expect(value, JsonValueKind.Array);
                return ReadArray(value, type, constraints, depth);
            default:
                var text = JsonArgumentReader.TextOf(value, out _) ?? throw NotGood();
                var parsed = XmlModelReader.Parse(text, type);
                if (constraints is not null && constraints.Validate(parsed, text) is not null)
                {
                    throw NotGood();
                }

                return parsed;
        }
    }

    private static object ReadArray(JsonElement value, RpcType type, MemberConstraints? constraints, int depth)
    {
        CheckDepth(depth);
        var count = value.GetArrayLength();
        if (constraints is not null && constraints.ValidateCount(count) is not null)
        {
            throw NotGood();
        }

        var itemType = type.ItemType!;
        var shape = type.Shape!;
        var buffer = shape.CreateBuffer(count);
        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            object? read = null;
            if (item.ValueKind != JsonValueKind.Null)
            {
                read = ReadValue(item, itemType, null, depth + 1);
            }
            else if (!type.ItemNillable)
            {
                throw NotGood();
            }

            shape.Set(buffer, index++, read);
        }

        return shape.Complete(buffer);
    }

    // The tree reader's limit, counted the same way: one level per complex value and per array.
    private static void CheckDepth(int depth)
    {
        if (depth >= XmlModelReader.MaxDepth)
        {
            throw NotGood();
        }
    }

    private static void Expect(JsonElement value, JsonValueKind kind)
    {
        if (value.ValueKind != kind)
        {
            throw NotGood();
        }
    }

    // JsonArgumentReader.Find's rule (exact name first, then any case) without turning each property name into a string.
    private static int FindIndex(IReadOnlyList<RpcMember> members, JsonProperty property)
    {
        for (var i = 0; i < members.Count; i++)
        {
            if (property.NameEquals(members[i].Name))
            {
                return i;
            }
        }

        var member = JsonArgumentReader.Find(members, property.Name);
        for (var i = 0; member is not null && i < members.Count; i++)
        {
            if (ReferenceEquals(members[i], member))
            {
                return i;
            }
        }

        return -1;
    }

    private static ModelReadException NotGood() => new("the request is read again the tree way for its fault.");
}
