using System.Text;

namespace SoapMiddleware.Xml;

/// <summary>
/// Strings for the names and namespace names a reader meets, kept across requests: a direct-mapped table of
/// <see cref="Slots"/> entries (one per hash), so the same few names cost one string ever and a flood of
/// distinct names costs at most the table, never more.
/// </summary>
internal sealed class Utf8NameCache
{
    private const int Slots = 128;

    // Longer strings are decoded every time: the table's memory stays bounded whatever requests arrive.
    private const int MaxCachedLength = 96;

    private readonly byte[]?[] _keys = new byte[Slots][];
    private readonly string?[] _values = new string[Slots];

    public string Get(ReadOnlySpan<byte> utf8)
    {
        if (utf8.IsEmpty)
        {
            return string.Empty;
        }

        if (utf8.Length > MaxCachedLength)
        {
            return Encoding.UTF8.GetString(utf8);
        }

        // FNV-1a: names are short, and the table only needs a spread, not a defence (a collision costs one string).
        var hash = 2166136261u;
        foreach (var b in utf8)
        {
            hash = (hash ^ b) * 16777619u;
        }

        var slot = (int)(hash % Slots);
        if (_keys[slot] is { } key && utf8.SequenceEqual(key))
        {
            return _values[slot]!;
        }

        var value = Encoding.UTF8.GetString(utf8);
        _keys[slot] = utf8.ToArray();
        _values[slot] = value;
        return value;
    }
}
