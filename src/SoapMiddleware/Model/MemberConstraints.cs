using System.Globalization;
using System.Text.RegularExpressions;

namespace SoapMiddleware.Model;

/// <summary>
/// The DataAnnotations rules of one member, checked on read ("soft validation") and written as XSD facets.
/// Validation returns a message instead of throwing so the reader can attach the element path.
/// </summary>
internal sealed class MemberConstraints
{
    /// <summary>[Required] on a string: empty or whitespace-only is rejected unless AllowEmptyStrings (DataAnnotations semantics).</summary>
    public bool RejectEmptyString { get; init; }

    /// <summary>Minimum string length, or minimum item count for arrays.</summary>
    public int? MinLength { get; init; }

    public string MinLengthRule { get; init; } = "MinLength";

    /// <summary>Maximum string length, or maximum item count for arrays.</summary>
    public int? MaxLength { get; init; }

    public string MaxLengthRule { get; init; } = "MaxLength";

    public NumericRange? Range { get; init; }

    /// <summary>The pattern as written in the attribute (and in the XSD facet).</summary>
    public string? Pattern { get; init; }

    /// <summary>The anchored, compiled form of <see cref="Pattern"/>.</summary>
    public Regex? PatternRegex { get; init; }

    /// <summary>Whether the length rules count array items rather than characters.</summary>
    public bool AppliesToItems { get; init; }

    /// <summary>Whether any rule is set; members without rules skip validation entirely.</summary>
    public bool IsEmpty => !RejectEmptyString && MinLength is null && MaxLength is null && Range is null && Pattern is null;

    /// <summary>Checks a primitive value and its element text; null when valid, else the rule violation.</summary>
    public string? Validate(object value, string text)
    {
        if (value is string s)
        {
            if (RejectEmptyString && string.IsNullOrWhiteSpace(s))
            {
                return "an empty value is not allowed (Required).";
            }

            var lengthError = CheckLength(s.Length, "length", "characters");
            if (lengthError is not null)
            {
                return lengthError;
            }
        }

        if (Range is { } range && !range.Contains(value))
        {
            return $"value {text.Trim()} is outside the range {range.Describe()} (Range).";
        }

        if (PatternRegex is not null && !Matches(PatternRegex, text))
        {
            return $"'{text}' does not match the pattern '{Pattern}' (RegularExpression).";
        }

        return null;
    }

    // A pattern that backtracks past its timeout on hostile input is the client's problem, not a server error.
    private static bool Matches(Regex regex, string text)
    {
        try
        {
            return regex.IsMatch(text);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    /// <summary>Checks an array's item count; null when valid.</summary>
    public string? ValidateCount(int count) => CheckLength(count, "item count", "items");

    private string? CheckLength(int length, string what, string unit)
    {
        if (MinLength is { } min && length < min)
        {
            return $"{what} {length.ToString(CultureInfo.InvariantCulture)} is below the minimum of {min.ToString(CultureInfo.InvariantCulture)} {unit} ({MinLengthRule}).";
        }

        if (MaxLength is { } max && length > max)
        {
            return $"{what} {length.ToString(CultureInfo.InvariantCulture)} is above the maximum of {max.ToString(CultureInfo.InvariantCulture)} {unit} ({MaxLengthRule}).";
        }

        return null;
    }
}
