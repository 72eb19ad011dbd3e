using System.Collections;
using System.Globalization;
using System.Text;
using System.Xml;

namespace SoapMiddleware.Description;

/// <summary>
/// The value of a complex type that has no CLR class (a description built from a schema, as the dynamic client's): its
/// members in schema order, by name. A member the message left out is not in the record; one sent as <c>xsi:nil</c> is,
/// with null. Values are CLR values by XSD type (<c>xs:int</c> an <see cref="int"/>, <c>xs:dateTime</c> a
/// <see cref="DateTime"/>, <c>xs:base64Binary</c> a <see cref="byte"/>[], an enumeration its <see cref="string"/>), other
/// records, and arrays as <see cref="IReadOnlyList{T}"/> of object. Immutable; two records are equal when their
/// members are, in order, compared deeply (lists item by item, byte arrays byte by byte).
/// </summary>
public sealed class RpcRecord : IReadOnlyDictionary<string, object?>, IEquatable<RpcRecord>
{
    private readonly KeyValuePair<string, object?>[] _members;

    /// <summary>A record of <paramref name="members"/>, in their order: also a way to give a complex argument.</summary>
    public RpcRecord(IEnumerable<KeyValuePair<string, object?>> members)
        : this(members, null)
    {
    }

    /// <summary>
    /// A record of <paramref name="members"/> of the schema type <paramref name="typeName"/>: where a base type is
    /// declared, a record naming one of its derived types is sent as that type (with <c>xsi:type</c>). A name without
    /// a namespace names the type by its local name.
    /// </summary>
    public RpcRecord(IEnumerable<KeyValuePair<string, object?>> members, XmlQualifiedName? typeName)
    {
        ArgumentNullException.ThrowIfNull(members);
        _members = [.. members];
        TypeName = typeName;
    }

    /// <summary>
    /// The schema type the record was read as (a derived type when the element said so with <c>xsi:type</c>), or the
    /// one it was created with; null when none was given. Not part of equality: two records are equal by their members.
    /// </summary>
    public XmlQualifiedName? TypeName { get; }

    /// <summary>The value of the member <paramref name="name"/>; a name the record does not hold throws <see cref="KeyNotFoundException"/> naming the ones it does.</summary>
    public object? this[string name]
        => TryGetValue(name, out var value) ? value : throw new KeyNotFoundException($"The record has no member '{name}'; it has {(_members.Length == 0 ? "none" : string.Join(", ", Keys))}.");

    /// <summary>How many members the record holds.</summary>
    public int Count => _members.Length;

    /// <summary>The member names, in schema order.</summary>
    public IEnumerable<string> Keys => _members.Select(m => m.Key);

    /// <summary>The member values, in schema order.</summary>
    public IEnumerable<object?> Values => _members.Select(m => m.Value);

    /// <summary>Whether the record holds the member <paramref name="key"/> (names are case-sensitive, as in XML).</summary>
    public bool ContainsKey(string key) => IndexOf(key) >= 0;

    /// <summary>The value of the member <paramref name="key"/>, when the record holds it.</summary>
    public bool TryGetValue(string key, out object? value)
    {
        var index = IndexOf(key);
        value = index < 0 ? null : _members[index].Value;
        return index >= 0;
    }

    /// <summary>The members in schema order.</summary>
    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, object?>>)_members).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Whether <paramref name="other"/> holds the same members in the same order with deeply equal values.</summary>
    public bool Equals(RpcRecord? other)
    {
        if (other is null || other._members.Length != _members.Length)
        {
            return false;
        }

        for (var i = 0; i < _members.Length; i++)
        {
            if (_members[i].Key != other._members[i].Key || !DeepEquals(_members[i].Value, other._members[i].Value))
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as RpcRecord);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var (name, value) in _members)
        {
            hash.Add(name);
            hash.Add(value is null or IEnumerable ? 0 : value.GetHashCode());
        }

        return hash.ToHashCode();
    }

    /// <summary>The members as <c>{ Id = 1, Lines = [{ Sku = "SKU-1" }] }</c>, for logs and the debugger.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        Append(text, this);
        return text.ToString();
    }

    private int IndexOf(string name)
    {
        for (var i = 0; i < _members.Length; i++)
        {
            if (_members[i].Key == name)
            {
                return i;
            }
        }

        return -1;
    }

    private static bool DeepEquals(object? a, object? b) => (a, b) switch
    {
        (null, null) => true,
        (null, _) or (_, null) => false,
        (byte[] x, byte[] y) => x.AsSpan().SequenceEqual(y),
        (string x, string y) => x == y,
        (RpcRecord x, RpcRecord y) => x.Equals(y),
        (IEnumerable x, IEnumerable y) => x.Cast<object?>().SequenceEqual(y.Cast<object?>(), DeepComparer.Instance),
        _ => a.Equals(b),
    };

    private static void Append(StringBuilder text, object? value)
    {
        switch (value)
        {
            case null:
                text.Append("null");
                break;
            case string s:
                text.Append('"').Append(s).Append('"');
                break;
            case byte[] bytes:
                text.Append(Convert.ToBase64String(bytes));
                break;
            case RpcRecord record:
                text.Append("{ ");
                var first = true;
                foreach (var (name, member) in record._members)
                {
                    text.Append(first ? "" : ", ").Append(name).Append(" = ");
                    Append(text, member);
                    first = false;
                }

                text.Append(first ? "}" : " }");
                break;
            case IEnumerable items:
                text.Append('[');
                var separator = "";
                foreach (var item in items)
                {
                    text.Append(separator);
                    Append(text, item);
                    separator = ", ";
                }

                text.Append(']');
                break;
            case IFormattable formattable:
                text.Append(formattable.ToString(null, CultureInfo.InvariantCulture));
                break;
            default:
                text.Append(value);
                break;
        }
    }

    private sealed class DeepComparer : IEqualityComparer<object?>
    {
        public static readonly DeepComparer Instance = new();

        public new bool Equals(object? x, object? y) => DeepEquals(x, y);

        public int GetHashCode(object? obj) => obj?.GetHashCode() ?? 0;
    }
}
