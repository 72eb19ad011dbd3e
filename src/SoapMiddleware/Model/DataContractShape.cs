using System.Reflection;
using System.Runtime.Serialization;

namespace SoapMiddleware.Model;

/// <summary>
/// Reads a <see cref="DataContractAttribute"/> type the way WCF's DataContractSerializer does: only
/// <see cref="DataMemberAttribute"/> members, base class first, then by <c>Order</c> and name (ordinal); the
/// contract's <c>Name</c>; fields (public or private) as well as properties. What the type model cannot express
/// (readonly fields, non-public or get-only properties) is refused with the member and the attribute named, never
/// skipped silently.
/// </summary>
internal static class DataContractShape
{
    public static bool IsDataContract(Type type) => type.IsDefined(typeof(DataContractAttribute), false);

    /// <summary>The schema name: <c>[DataContract(Name = ...)]</c>, else the CLR name.</summary>
    public static string? NameOf(Type type)
    {
        var name = type.GetCustomAttribute<DataContractAttribute>(false)?.Name;
        if (name is not null && name.Contains('{', StringComparison.Ordinal))
        {
            throw TypeFactory.Unsupported(type, $"[DataContract(Name = \"{name}\")] uses generic name placeholders, which the type model does not expand; give the type a plain name");
        }

        return name;
    }

    /// <summary>The <c>[DataContract(Namespace = ...)]</c>, or null when not set explicitly.</summary>
    public static string? NamespaceOf(Type type)
    {
        var contract = type.GetCustomAttribute<DataContractAttribute>(false);
        return contract is { IsNamespaceSetExplicitly: true } ? contract.Namespace : null;
    }

    /// <summary>The data members (properties and fields) in the serializer's order.</summary>
    public static List<MemberInfo> GetMembers(Type type)
    {
        var chain = new List<Type>();
        for (var t = type; t is not null && t != typeof(object) && t != typeof(ValueType); t = t.BaseType)
        {
            if (!IsDataContract(t))
            {
                throw TypeFactory.Unsupported(type, $"it is a [DataContract] but its base class '{TypeNaming.Display(t)}' is not; mark the base [DataContract] too");
            }

            chain.Insert(0, t);
        }

        var result = new List<MemberInfo>();
        foreach (var declaring in chain)
        {
            var members = new List<(MemberInfo Member, DataMemberAttribute Data)>();
            foreach (var member in declaring.GetMembers(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            {
                if (member.GetCustomAttribute<DataMemberAttribute>() is not { } data)
                {
                    continue;
                }

                Check(type, member);
                members.Add((member, data));
            }

            members.Sort((a, b) =>
            {
                var order = a.Data.Order.CompareTo(b.Data.Order);
                return order != 0 ? order : string.CompareOrdinal(a.Data.Name ?? a.Member.Name, b.Data.Name ?? b.Member.Name);
            });
            result.AddRange(members.Select(m => m.Member));
        }

        return result;
    }

    public static DataMemberAttribute MemberOf(MemberInfo member) => member.GetCustomAttribute<DataMemberAttribute>()!;

    // Fields, public or private, are read and set like DataContractSerializer does; a property needs a public getter
    // (its setter is checked with the constructor, which may take its value instead).
    private static void Check(Type type, MemberInfo member)
    {
        switch (member)
        {
            case FieldInfo { IsInitOnly: true }:
                throw Refused(type, member, "it is a readonly field, which a request could not set; remove 'readonly'");
            case FieldInfo:
                return;
            case PropertyInfo { GetMethod.IsPublic: true }:
                return;
            default:
                throw Refused(type, member, "the type model reads and writes fields and public properties only; make it a field, or a public property with a public getter and setter");
        }
    }

    public static InvalidOperationException Refused(Type type, MemberInfo member, string why)
        => new($"Member '{TypeNaming.Display(type)}.{member.Name}' has [DataMember], which cannot be honoured: {why}.");
}
