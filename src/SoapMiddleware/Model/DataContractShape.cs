using System.Reflection;
using System.Runtime.Serialization;

namespace SoapMiddleware.Model;

/// <summary>
/// Reads a <see cref="DataContractAttribute"/> type the way WCF's DataContractSerializer does: only
/// <see cref="DataMemberAttribute"/> members, base class first, then by <c>Order</c> and name (ordinal); the
/// contract's <c>Name</c>. What the type model cannot express (fields, members with no public setter) is refused
/// with the member and the attribute named, never skipped silently.
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

    /// <summary>The data members' properties in the serializer's order.</summary>
    public static List<PropertyInfo> GetProperties(Type type)
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

        var result = new List<PropertyInfo>();
        foreach (var declaring in chain)
        {
            var members = new List<(PropertyInfo Property, DataMemberAttribute Data)>();
            foreach (var member in declaring.GetMembers(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            {
                if (member.GetCustomAttribute<DataMemberAttribute>() is not { } data)
                {
                    continue;
                }

                if (member is not PropertyInfo property || property.GetMethod is not { IsPublic: true })
                {
                    throw Refused(type, member, "the type model reads and writes public properties only; make it a public property with a public getter and setter");
                }

                members.Add((property, data));
            }

            members.Sort((a, b) =>
            {
                var order = a.Data.Order.CompareTo(b.Data.Order);
                return order != 0 ? order : string.CompareOrdinal(a.Data.Name ?? a.Property.Name, b.Data.Name ?? b.Property.Name);
            });
            result.AddRange(members.Select(m => m.Property));
        }

        return result;
    }

    public static DataMemberAttribute MemberOf(PropertyInfo property) => property.GetCustomAttribute<DataMemberAttribute>()!;

    public static InvalidOperationException Refused(Type type, MemberInfo member, string why)
        => new($"Member '{TypeNaming.Display(type)}.{member.Name}' has [DataMember], which cannot be honoured: {why}.");
}
