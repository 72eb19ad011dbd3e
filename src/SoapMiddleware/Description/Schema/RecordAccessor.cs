using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using SoapMiddleware.Model;

namespace SoapMiddleware.Description.Schema;

/// <summary>
/// The <see cref="ComplexAccessor"/> of a schema's complex type: reading creates an <see cref="RpcRecord"/> of the
/// members present; writing takes a member's value by name from a record, a dictionary, or any object's public
/// properties (an anonymous object), exact name first, then ignoring case. A name it does not find is null.
/// </summary>
internal static class RecordAccessor
{
    private static readonly ConcurrentDictionary<(Type, string), Func<object, object?>?> Properties = new();

    public static ComplexAccessor Create(IReadOnlyList<RpcMember> members, System.Xml.XmlQualifiedName typeName)
    {
        var names = members.Select(m => m.Name).ToArray();
        var getters = names.Select(name => (Func<object, object?>)(owner => Get(owner, name))).ToArray();
        return new ComplexAccessor(values => Record(names, values, typeName), getters, new Action<object, Xml.Utf8XmlSink, System.Xml.Linq.XName>?[names.Length]);
    }

    public static RpcRecord Record(string[] names, object?[] values, System.Xml.XmlQualifiedName? typeName = null)
    {
        var members = new List<KeyValuePair<string, object?>>(names.Length);
        for (var i = 0; i < names.Length; i++)
        {
            if (!ReferenceEquals(values[i], ComplexAccessor.Missing))
            {
                members.Add(new(names[i], values[i]));
            }
        }

        return new RpcRecord(members, typeName);
    }

    public static object? Get(object owner, string name)
    {
        switch (owner)
        {
            case RpcRecord record:
                return record.TryGetValue(name, out var value) ? value : Find(record, name);
            case IEnumerable<KeyValuePair<string, object?>> pairs:
                return Find(pairs, name);
            case IDictionary dictionary:
                return dictionary.Contains(name) ? dictionary[name] : Find(dictionary.Keys.Cast<object>().Select(k => new KeyValuePair<string, object?>(k.ToString() ?? "", dictionary[k])), name);
            default:
                var getter = Properties.GetOrAdd((owner.GetType(), name), static key => PropertyGetter(key.Item1, key.Item2));
                return getter?.Invoke(owner);
        }
    }

    private static object? Find(IEnumerable<KeyValuePair<string, object?>> pairs, string name)
    {
        KeyValuePair<string, object?>? loose = null;
        foreach (var pair in pairs)
        {
            if (pair.Key == name)
            {
                return pair.Value;
            }

            loose ??= string.Equals(pair.Key, name, StringComparison.OrdinalIgnoreCase) ? pair : null;
        }

        return loose?.Value;
    }

    private static Func<object, object?>? PropertyGetter(Type type, string name)
    {
        var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0).ToList();
        var property = properties.FirstOrDefault(p => p.Name == name) ?? properties.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
        return property is null ? null : property.GetValue;
    }
}
