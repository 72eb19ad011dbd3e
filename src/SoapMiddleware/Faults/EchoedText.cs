using System.Globalization;
using System.Xml;

namespace SoapMiddleware;

/// <summary>
/// Caps a piece of the client's own input before a fault message (and so the log line) repeats it: a 4 MB bad
/// integer must not come back as a 4 MB fault, whatever <c>LogPayloads</c> says. The cut is marked, so nobody
/// mistakes the prefix for the value. Characters XML cannot carry (control characters, lone surrogates, U+FFFE) are
/// replaced by U+FFFD: a parser's message quotes the very byte it choked on, and a SOAP fault cannot hold it.
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

    /// <summary>
    /// The text with every character XML 1.0 forbids replaced by U+FFFD (the text itself when it has none), so that a
    /// fault can always be written: the fault writers pass every message through it, whoever wrote the message.
    /// </summary>
    public static string XmlSafe(string value)
    {
        var bad = FirstForbidden(value);
        if (bad < 0)
        {
            return value;
        }

        return string.Create(value.Length, (value, bad), static (chars, state) =>
        {
            var (text, from) = state;
            text.AsSpan().CopyTo(chars);
            for (var i = from; i < chars.Length; i++)
            {
                if (IsPair(chars, i))
                {
                    i++;
                }
                else if (!XmlConvert.IsXmlChar(chars[i]))
                {
                    chars[i] = '\uFFFD';
                }
            }
        });
    }

    private static int FirstForbidden(ReadOnlySpan<char> value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (IsPair(value, i))
            {
                i++;
            }
            else if (!XmlConvert.IsXmlChar(value[i]))
            {
                return i;
            }
        }

        return -1;
    }

    private static bool IsPair(ReadOnlySpan<char> value, int i)
        => char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]);

    private static string Cut(string value, int max)
    {
        value = XmlSafe(value);
        if (value.Length <= max)
        {
            return value;
        }

        // Never split a surrogate pair: a lone half would make the fault itself invalid text.
        var keep = char.IsHighSurrogate(value[max - 1]) ? max - 1 : max;
        return string.Concat(value.AsSpan(0, keep), "… (cut, ", value.Length.ToString(CultureInfo.InvariantCulture), " characters)");
    }
}
