using System.Globalization;

namespace SoapMiddleware;

/// <summary>
/// Caps a piece of the client's own input before a fault message (and so the log line) repeats it: a 4 MB bad
/// integer must not come back as a 4 MB fault, whatever <c>LogPayloads</c> says. The cut is marked, so nobody
/// mistakes the prefix for the value.
/// </summary>
public static class EchoedText
{
    /// <summary>How many characters of a client's value a message repeats.</summary>
    public const int MaxLength = 64;

    /// <summary>How many characters of a parser's own message (which may quote names from the input) are kept.</summary>
    public const int MaxMessageLength = 256;

    /// <summary>The value itself when short, else its first <see cref="MaxLength"/> characters and a cut marker.</summary>
    /// <param name="value">The client's value; null reads as empty.</param>
    public static string Cap(string? value) => Cut(value ?? "", MaxLength);

    /// <summary>A parser's message (XmlException, JsonException), cut at <see cref="MaxMessageLength"/>.</summary>
    /// <param name="message">The parser's message.</param>
    public static string CapMessage(string message) => Cut(message, MaxMessageLength);

    private static string Cut(string value, int max)
    {
        if (value.Length <= max)
        {
            return value;
        }

        // Never split a surrogate pair: a lone half would make the fault itself invalid text.
        var keep = char.IsHighSurrogate(value[max - 1]) ? max - 1 : max;
        return string.Concat(value.AsSpan(0, keep), "… (cut, ", value.Length.ToString(CultureInfo.InvariantCulture), " characters)");
    }
}
