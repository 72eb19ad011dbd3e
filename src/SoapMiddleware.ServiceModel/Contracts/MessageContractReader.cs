using System.Reflection;
using System.ServiceModel;
using SoapMiddleware.Description;

namespace SoapMiddleware.ServiceModel.Contracts;

/// <summary>
/// Reads a <see cref="MessageContractAttribute"/> type into a <see cref="ContractMessage"/>, named as WCF names it:
/// the wrapper is <c>WrapperName</c> (the type's name by default), its children the <see cref="MessageBodyMemberAttribute"/>
/// members ordered by <c>Order</c>, then by name; each <see cref="MessageHeaderAttribute"/> member is a SOAP header
/// named <c>Name</c> (the member's name by default). Unwrapped (<c>IsWrapped = false</c>), the Body holds the one body
/// member's element, a data contract. What the pipeline would write differently is refused.
/// </summary>
internal static class MessageContractReader
{
    private const BindingFlags Declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.DeclaredOnly;

    public static bool IsMessageContract(Type type) => type.IsDefined(typeof(MessageContractAttribute), false);

    public static ContractMessage Read(Type type, string contractNamespace, ContractTypeScanner scanner, string path)
    {
        var attribute = type.GetCustomAttribute<MessageContractAttribute>(false)!;
        var on = $"(on '{type.Name}')";
        if (attribute.WrapperNamespace is { } wrapperNamespace && wrapperNamespace != contractNamespace)
        {
            throw ContractRefusal.Create(path, $"[MessageContract(WrapperNamespace = \"{wrapperNamespace}\")] {on}", $"an endpoint has one namespace, the contract's '{contractNamespace}'; leave WrapperNamespace unset");
        }

        if (type.IsGenericType || type.IsAbstract || (!type.IsValueType && type.GetConstructor(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic, Type.EmptyTypes) is null))
        {
            throw ContractRefusal.Create(path, $"[MessageContract] {on}", "a message contract must be a non-generic type with a parameterless constructor");
        }

        var body = new List<(int Order, ContractMessagePart Part)>();
        var headers = new List<ContractMessagePart>();
        foreach (var member in Members(type))
        {
            var where = $"{type.Name}.{member.Name}";
            if (member.IsDefined(typeof(MessagePropertyAttribute), true))
            {
                throw ContractRefusal.Create(where, "[MessageProperty]", "message properties stay inside a WCF channel and never reach the wire; pass the value as a header or body member");
            }

            if (member.GetCustomAttribute<MessageHeaderArrayAttribute>(true) is not null)
            {
                throw ContractRefusal.Create(where, "[MessageHeaderArray]", "one header per array item has no counterpart in the typed headers; use [MessageHeader] on the array (one header holding the items)");
            }

            if (member is PropertyInfo { CanRead: false } or PropertyInfo { CanWrite: false }
                && (member.IsDefined(typeof(MessageHeaderAttribute), true) || member.IsDefined(typeof(MessageBodyMemberAttribute), true)))
            {
                throw ContractRefusal.Create(where, member.IsDefined(typeof(MessageHeaderAttribute), true) ? "[MessageHeader]" : "[MessageBodyMember]", "the property must have a getter and a setter, so a request can be built and a response read");
            }

            if (member.GetCustomAttribute<MessageHeaderAttribute>(true) is { } header)
            {
                CheckNamespace(where, "[MessageHeader(Namespace)]", header.Namespace, contractNamespace);
                scanner.Scan(MemberType(member), $"{where} [MessageHeader]");
                headers.Add(new ContractMessagePart(member, header.Name ?? member.Name, header.MustUnderstand));
            }
            else if (member.GetCustomAttribute<MessageBodyMemberAttribute>(true) is { } bodyMember)
            {
                CheckNamespace(where, "[MessageBodyMember(Namespace)]", bodyMember.Namespace, contractNamespace);
                scanner.Scan(MemberType(member), $"{where} [MessageBodyMember]");
                body.Add((bodyMember.Order, new ContractMessagePart(member, bodyMember.Name ?? member.Name)));
            }
        }

        // WCF's order (TypeLoader.CompareMessagePartDescriptions): by Order (unset is -1, first), then by name, ordinal;
        // its headers have no Order, so they go by name.
        var ordered = body.OrderBy(b => b.Order).ThenBy(b => b.Part.Name, StringComparer.Ordinal).Select(b => b.Part).ToList();
        var sortedHeaders = headers.OrderBy(h => h.Name, StringComparer.Ordinal).ToList();
        if (!attribute.IsWrapped)
        {
            // Unwrapped, the Body holds the body member's own element: expressible when that is one element of a data contract.
            if (ordered.Count != 1 || IsSimpleOrCollection(ordered[0].MemberType))
            {
                throw ContractRefusal.Create(path, $"[MessageContract(IsWrapped = false)] {on} with {(ordered.Count == 1 ? $"the body member '{ordered[0].Member.Name}' of type '{ordered[0].MemberType.Name}'" : $"{ordered.Count} body members")}",
                    "the Body must hold one element the type model reads as a message: keep IsWrapped = false for exactly one [MessageBodyMember] of a [DataContract] type, or set IsWrapped = true");
            }

            // Its members are the message's parts, read as that one type: a derived type in its place has no xsi:type to go on.
            if (ordered[0].MemberType.IsAbstract || ordered[0].MemberType.IsDefined(typeof(System.Runtime.Serialization.KnownTypeAttribute), true))
            {
                throw ContractRefusal.Create(path, $"[MessageContract(IsWrapped = false)] {on} with the body member '{ordered[0].Member.Name}' of the abstract or [KnownType] type '{ordered[0].MemberType.Name}'",
                    "an unwrapped body's members are the message's parts, read as the declared type only; set IsWrapped = true so the member's element can carry xsi:type");
            }

            return new ContractMessage(type, ordered[0].Name, ordered, sortedHeaders, IsWrapped: false);
        }

        return new ContractMessage(type, string.IsNullOrEmpty(attribute.WrapperName) ? type.Name : attribute.WrapperName, ordered, sortedHeaders);
    }

    /// <summary>
    /// Refuses a header named as a message wrapper, or as a header of another type: the schema declares one global
    /// element per name, so one of them would be described (and checked) as the other.
    /// </summary>
    public static void CheckHeaderNames(IReadOnlyList<OperationMessages> operations)
    {
        var wrappers = operations.SelectMany(o => new[] { o.RequestWrapper, o.ResponseWrapper }).ToHashSet(StringComparer.Ordinal);
        var seen = new Dictionary<string, (Type Type, string Where)>(StringComparer.Ordinal);
        foreach (var header in operations.SelectMany(o => o.Headers))
        {
            var member = header.Member;
            var where = $"{member.DeclaringType?.Name}.{member.Name}";
            var name = header.Name;
            var type = Nullable.GetUnderlyingType(header.MemberType) ?? header.MemberType;
            string? clash = wrappers.Contains(name) ? "a message's wrapper"
                : seen.TryGetValue(name, out var other) && other.Type != type ? $"the header {other.Where} of another type"
                : null;
            if (clash is not null)
            {
                throw ContractRefusal.Create(where, $"[MessageHeader] named '{name}'", $"the element '{name}' is already {clash} in the contract's namespace; rename one with [MessageHeader(Name = ...)]");
            }

            seen.TryAdd(name, (type, where));
        }
    }

    // The members WCF reads: fields and properties of any visibility, the base type's first.
    private static IEnumerable<MemberInfo> Members(Type type)
    {
        var chain = new Stack<Type>();
        for (var current = type; current is not null && current != typeof(object); current = current.BaseType)
        {
            chain.Push(current);
        }

        return chain.SelectMany(t => t.GetFields(Declared).Where(f => !f.IsDefined(typeof(System.Runtime.CompilerServices.CompilerGeneratedAttribute), false)).Cast<MemberInfo>()
            .Concat(t.GetProperties(Declared))
            .OrderBy(m => m.MetadataToken));
    }

    private static bool IsSimpleOrCollection(Type type)
        => ContractTypeScanner.IsSimple(Nullable.GetUnderlyingType(type) ?? type) || type.IsArray
            || (type != typeof(string) && typeof(System.Collections.IEnumerable).IsAssignableFrom(type));

    private static Type MemberType(MemberInfo member) => member is PropertyInfo property ? property.PropertyType : ((FieldInfo)member).FieldType;

    private static void CheckNamespace(string where, string attribute, string? ns, string contractNamespace)
    {
        if (ns is not null && ns != contractNamespace)
        {
            throw ContractRefusal.Create(where, attribute.Replace("(Namespace)", $"(Namespace = \"{ns}\")", StringComparison.Ordinal), $"an endpoint has one namespace, the contract's '{contractNamespace}'; leave Namespace unset");
        }
    }
}
