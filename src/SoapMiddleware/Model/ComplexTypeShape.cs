using System.Reflection;

namespace SoapMiddleware.Model;

/// <summary>Finds a complex type's serializable properties and the constructor that builds it.</summary>
internal static class ComplexTypeShape
{
    // Matched by name so the model needs no reference to XML or JSON serializer assemblies.
    private static readonly HashSet<string> IgnoreAttributes = new(StringComparer.Ordinal)
    {
        "XmlIgnoreAttribute", "JsonIgnoreAttribute", "IgnoreDataMemberAttribute",
    };

    /// <summary>Public instance properties with a public getter, base class first, in declaration order.</summary>
    public static List<PropertyInfo> GetProperties(Type type)
    {
        var chain = new List<Type>();
        for (var t = type; t is not null && t != typeof(object) && t != typeof(ValueType); t = t.BaseType)
        {
            chain.Insert(0, t);
        }

        var result = new List<PropertyInfo>();
        foreach (var declaring in chain)
        {
            var declared = declaring.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly);
            Array.Sort(declared, (a, b) => a.MetadataToken.CompareTo(b.MetadataToken));
            foreach (var property in declared)
            {
                if (property.GetMethod is { IsPublic: true } && property.GetIndexParameters().Length == 0 && !IsIgnored(property)
                    && !result.Exists(p => p.Name == property.Name))
                {
                    result.Add(property);
                }
            }
        }

        // An override or 'new' property in a derived class replaces the base one under the same name.
        for (var i = 0; i < result.Count; i++)
        {
            result[i] = type.GetProperty(result[i].Name, BindingFlags.Public | BindingFlags.Instance) ?? result[i];
        }

        return result;
    }

    /// <summary>
    /// The public constructor with the most parameters that all match a property by name (case-insensitive) and type:
    /// a record's primary constructor, or the parameterless constructor of a plain class.
    /// </summary>
    public static ConstructorInfo? FindConstructor(Type type, List<PropertyInfo> properties)
    {
        ConstructorInfo? best = null;
        foreach (var constructor in type.GetConstructors(BindingFlags.Public | BindingFlags.Instance))
        {
            var parameters = constructor.GetParameters();
            if (Array.TrueForAll(parameters, p => Match(properties, p) is not null)
                && (best is null || parameters.Length > best.GetParameters().Length))
            {
                best = constructor;
            }
        }

        if (best is null && !type.IsValueType)
        {
            throw TypeFactory.Unsupported(type,
                "it needs a public parameterless constructor, or a constructor whose parameters all match properties by name (a record's primary constructor)");
        }

        return best;
    }

    public static ParameterInfo? MatchParameter(ParameterInfo[] parameters, PropertyInfo property)
    {
        foreach (var parameter in parameters)
        {
            if (string.Equals(parameter.Name, property.Name, StringComparison.OrdinalIgnoreCase) && parameter.ParameterType == property.PropertyType)
            {
                return parameter;
            }
        }

        return null;
    }

    private static PropertyInfo? Match(List<PropertyInfo> properties, ParameterInfo parameter)
        => properties.Find(p => string.Equals(p.Name, parameter.Name, StringComparison.OrdinalIgnoreCase) && p.PropertyType == parameter.ParameterType);

    private static bool IsIgnored(PropertyInfo property)
    {
        foreach (var data in property.CustomAttributes)
        {
            if (IgnoreAttributes.Contains(data.AttributeType.Name))
            {
                return true;
            }
        }

        return false;
    }
}
