using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace SoapMiddleware.Model;

/// <summary>Compiled, anchored regexes for [RegularExpression], shared by every member using the same pattern.</summary>
internal static class RegexCache
{
    private static readonly ConcurrentDictionary<string, Regex> Cache = new(StringComparer.Ordinal);

    /// <summary>
    /// XSD patterns match the whole value; <c>\z</c> rather than <c>$</c> so a trailing newline does not slip through.
    /// </summary>
    public static Regex Get(string pattern)
        => Cache.GetOrAdd(pattern, p => new Regex("^(?:" + p + ")\\z", RegexOptions.Compiled | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)));
}
