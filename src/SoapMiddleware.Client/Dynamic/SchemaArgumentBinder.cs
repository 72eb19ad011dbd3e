using System.Collections;
using System.Globalization;
using System.Reflection;
using SoapMiddleware.Description.Schema;

namespace SoapMiddleware.Client.Dynamic;

/// <summary>
/// The arguments of a call of a schema operation (the dynamic client's): by part name from an anonymous object, a
/// dictionary or a record (exact name first, then ignoring case), or by position from an array. An operation with
/// one part takes the whole object as that part's value when it does not name the part (a bare request's element,
/// given by its members). Values are converted to the parts' types when written (a long for an <c>xs:int</c>, "42").
/// </summary>
internal static class SchemaArgumentBinder
{
    public static object?[] Bind(SchemaOperation operation, object? arguments)
    {
        var parts = operation.RequestParts;
        var values = new object?[parts.Count];
        switch (arguments)
        {
            case null:
                return values;
            case object?[] positional:
                if (positional.Length > parts.Count)
                {
                    throw new ArgumentException($"The operation '{operation.Name}' takes {parts.Count} arguments, not {positional.Length}.", nameof(arguments));
                }

                Array.Copy(positional, values, positional.Length);
                return values;
        }

        var named = Named(arguments).ToList();
        if (parts.Count == 1 && parts[0].Type.Kind == SchemaTypeKind.Complex && !named.Any(n => Matches(n.Name, parts[0].Name.LocalName)))
        {
            values[0] = arguments;
            return values;
        }

        foreach (var (name, value) in named)
        {
            var index = IndexOf(parts, name);
            if (index < 0)
            {
                throw new ArgumentException($"The operation '{operation.Name}' has no parameter '{name}'; its parameters are {string.Join(", ", parts.Select(p => p.Name.LocalName))}.", nameof(arguments));
            }

            values[index] = value;
        }

        return values;
    }

    private static IEnumerable<(string Name, object? Value)> Named(object arguments) => arguments switch
    {
        IEnumerable<KeyValuePair<string, object?>> pairs => pairs.Select(p => (p.Key, p.Value)),
        IDictionary dictionary => dictionary.Keys.Cast<object>().Select(k => (Convert.ToString(k, CultureInfo.InvariantCulture)!, dictionary[k])),
        _ => arguments.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0).Select(p => (p.Name, p.GetValue(arguments))),
    };

    private static int IndexOf(IReadOnlyList<SchemaMember> parts, string name)
    {
        for (var i = 0; i < parts.Count; i++)
        {
            if (parts[i].Name.LocalName == name)
            {
                return i;
            }
        }

        for (var i = 0; i < parts.Count; i++)
        {
            if (Matches(parts[i].Name.LocalName, name))
            {
                return i;
            }
        }

        return -1;
    }

    private static bool Matches(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
