using System.Collections;

namespace SoapMiddleware.Model;

/// <summary>Recognizes the collection types the model writes as wrapped arrays, and the dictionaries it refuses.</summary>
internal static class CollectionShapes
{
    /// <summary>True for T[], List&lt;T&gt; and the list interfaces; <paramref name="asList"/> when the reader must build a List&lt;T&gt;.</summary>
    public static bool TryGetItemType(Type type, out Type itemType, out bool asList)
    {
        asList = false;
        if (type.IsArray)
        {
            itemType = type.GetElementType()!;
            return true;
        }

        itemType = typeof(void);
        if (!type.IsGenericType)
        {
            return false;
        }

        var definition = type.GetGenericTypeDefinition();
        if (definition == typeof(List<>) || definition == typeof(IList<>) || definition == typeof(ICollection<>))
        {
            asList = true;
        }
        else if (definition != typeof(IReadOnlyList<>) && definition != typeof(IReadOnlyCollection<>) && definition != typeof(IEnumerable<>))
        {
            return false;
        }

        itemType = type.GetGenericArguments()[0];
        return true;
    }

    public static bool IsDictionary(Type type)
    {
        if (typeof(IDictionary).IsAssignableFrom(type))
        {
            return true;
        }

        foreach (var candidate in type.IsInterface ? [type, .. type.GetInterfaces()] : type.GetInterfaces())
        {
            if (candidate.IsGenericType
                && (candidate.GetGenericTypeDefinition() == typeof(IDictionary<,>) || candidate.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>)))
            {
                return true;
            }
        }

        return false;
    }
}
