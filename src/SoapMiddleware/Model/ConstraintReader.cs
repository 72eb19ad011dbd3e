using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace SoapMiddleware.Model;

/// <summary>
/// Turns DataAnnotations attributes into <see cref="MemberConstraints"/>. A rule that cannot apply to the
/// member's type (Range on a string, MaxLength on an int) is an error at startup, not a silently ignored rule.
/// </summary>
internal static class ConstraintReader
{
    public static MemberConstraints? Read(IEnumerable<Attribute> attributes, RpcType type, string memberName, out bool required)
    {
        required = false;
        var rejectEmpty = false;
        int? min = null, max = null;
        string minRule = "MinLength", maxRule = "MaxLength";
        NumericRange? range = null;
        string? pattern = null;
        var codec = type.Codec;
        var isString = codec is { IsString: true };
        var isArray = type.Kind == RpcTypeKind.Array;
        foreach (var attribute in attributes)
        {
            switch (attribute)
            {
                case RequiredAttribute r:
                    required = true;
                    rejectEmpty |= isString && !r.AllowEmptyStrings;
                    break;
                case StringLengthAttribute s:
                    Expect(isString, s, type, memberName);
                    (min, minRule) = s.MinimumLength > 0 ? (s.MinimumLength, "StringLength") : (min, minRule);
                    (max, maxRule) = (s.MaximumLength, "StringLength");
                    break;
                case MinLengthAttribute m:
                    Expect(isString || isArray, m, type, memberName);
                    (min, minRule) = (m.Length, "MinLength");
                    break;
                case MaxLengthAttribute m:
                    Expect(isString || isArray, m, type, memberName);
                    (max, maxRule) = m.Length > 0 ? (m.Length, "MaxLength") : (max, maxRule);
                    break;
                case RangeAttribute r:
                    Expect(codec is { IsNumeric: true }, r, type, memberName);
                    range = new NumericRange(ToDouble(r.Minimum), ToDouble(r.Maximum), r.MinimumIsExclusive, r.MaximumIsExclusive);
                    break;
                case RegularExpressionAttribute r:
                    Expect(codec is not null, r, type, memberName);
                    pattern = r.Pattern;
                    break;
            }
        }

        var constraints = new MemberConstraints
        {
            RejectEmptyString = rejectEmpty,
            MinLength = min,
            MinLengthRule = minRule,
            MaxLength = max,
            MaxLengthRule = maxRule,
            Range = range,
            Pattern = pattern,
            PatternRegex = pattern is null ? null : RegexCache.Get(pattern),
            AppliesToItems = isArray,
        };
        return constraints.IsEmpty ? null : constraints;
    }

    private static void Expect(bool applies, Attribute attribute, RpcType type, string memberName)
    {
        if (!applies)
        {
            var rule = attribute.GetType().Name.Replace("Attribute", "", StringComparison.Ordinal);
            throw new InvalidOperationException($"Member '{memberName}': [{rule}] cannot apply to its type '{type.ClrType.Name}' ({type.SchemaName}).");
        }
    }

    private static double ToDouble(object bound) => Convert.ToDouble(bound, CultureInfo.InvariantCulture);
}
