using System.Globalization;
using System.Xml.Linq;

namespace SoapMiddleware.Model;

/// <summary>
/// Writes a member's DataAnnotations rules as XSD facets. Range bounds are clipped and rounded to the base
/// type's value space (Range(0.5, 1e12) on an int becomes 1..2147483647) so the schema always compiles.
/// </summary>
internal static class XsdFacets
{
    private static readonly XNamespace Xs = XmlNames.Xs;

    /// <summary>The facets of a primitive or enum member; empty when none apply.</summary>
    public static List<XElement> For(RpcType type, MemberConstraints constraints)
    {
        var facets = new List<XElement>();
        var codec = type.Codec;
        if (codec is null)
        {
            return facets;
        }

        if (codec.IsString)
        {
            var min = constraints.MinLength ?? 0;
            min = constraints.RejectEmptyString ? Math.Max(min, 1) : min;
            if (min > 0)
            {
                facets.Add(Facet("minLength", min.ToString(CultureInfo.InvariantCulture)));
            }

            if (constraints.MaxLength is { } max)
            {
                facets.Add(Facet("maxLength", max.ToString(CultureInfo.InvariantCulture)));
            }
        }

        if (constraints.Range is { } range)
        {
            AddRange(facets, codec, range);
        }

        if (constraints.Pattern is { } pattern)
        {
            facets.Add(Facet("pattern", pattern));
        }

        return facets;
    }

    private static void AddRange(List<XElement> facets, PrimitiveCodec codec, NumericRange range)
    {
        if (codec.IntegerRange is { } limits)
        {
            // Integers: exclusive bounds become the next integer inside, then clipped to the type.
            var min = range.MinExclusive ? Math.Floor(range.Min) + 1 : Math.Ceiling(range.Min);
            var max = range.MaxExclusive ? Math.Ceiling(range.Max) - 1 : Math.Floor(range.Max);
            facets.Add(Facet("minInclusive", Clip(min, limits).ToString(CultureInfo.InvariantCulture)));
            facets.Add(Facet("maxInclusive", Clip(max, limits).ToString(CultureInfo.InvariantCulture)));
            return;
        }

        var isDecimal = codec.SchemaName.Name == "decimal";
        if (Bound(range.Min, isDecimal) is { } lower)
        {
            facets.Add(Facet(range.MinExclusive ? "minExclusive" : "minInclusive", lower));
        }

        if (Bound(range.Max, isDecimal) is { } upper)
        {
            facets.Add(Facet(range.MaxExclusive ? "maxExclusive" : "maxInclusive", upper));
        }
    }

    private static decimal Clip(double value, (decimal Min, decimal Max) limits)
    {
        if (value <= (double)limits.Min)
        {
            return limits.Min;
        }

        return value >= (double)limits.Max ? limits.Max : (decimal)value;
    }

    // xs:decimal has no exponent notation and no infinity: such bounds are left to validation on read.
    private static string? Bound(double value, bool isDecimal)
    {
        if (double.IsInfinity(value) || double.IsNaN(value))
        {
            return null;
        }

        if (!isDecimal)
        {
            return NumericRange.Format(value);
        }

        return Math.Abs(value) < 7.9e28 ? ((decimal)value).ToString(CultureInfo.InvariantCulture) : null;
    }

    private static XElement Facet(string name, string value) => new(Xs + name, new XAttribute("value", value));
}
