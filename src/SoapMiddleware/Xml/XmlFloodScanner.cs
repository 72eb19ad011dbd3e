using System.Buffers;
using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.InteropServices;

namespace SoapMiddleware.Xml;

/// <summary>
/// Refuses attribute and namespace-declaration floods from the raw request bytes, before an XML parser sees them.
/// <see cref="System.Xml.XmlReader"/> reads a whole start tag before it reports the element, and one tag with
/// 100,000 attributes costs it the better part of a second (LINQ to XML's duplicate check on top made it tens of
/// seconds): this scan stops at the first element over a limit, after reading only that far.
/// </summary>
/// <remarks>
/// It only counts: in a start tag every attribute has exactly one <c>=</c> outside quoted values, and comments,
/// CDATA sections and processing instructions are stepped over. Well-formedness stays the parser's job; where the
/// input stops making sense (a DTD, an unterminated comment) the scan stops, because the parser refuses the request
/// at that same point. UTF-16 and UTF-32 requests are scanned in their own code units.
/// </remarks>
internal static class XmlFloodScanner
{
    /// <summary>Throws the limit's Client fault when an element has too many attributes or namespace declarations.</summary>
    public static void Check(ReadOnlySpan<byte> bytes, XmlLimits limits)
    {
        switch (DetectUnit(bytes, out var bigEndian))
        {
            case 2:
                Wide(MemoryMarshal.Cast<byte, ushort>(bytes[..(bytes.Length & ~1)]), bigEndian, limits);
                break;
            case 4:
                Wide(MemoryMarshal.Cast<byte, uint>(bytes[..(bytes.Length & ~3)]), bigEndian, limits);
                break;
            default:
                Scan(bytes, limits);
                break;
        }
    }

    /// <summary>The code unit size by the rules of XML 1.0 appendix F (byte order mark or the first characters).</summary>
    private static int DetectUnit(ReadOnlySpan<byte> b, out bool bigEndian)
    {
        bigEndian = false;
        if (b.Length >= 4)
        {
            if ((b[0] == 0 && b[1] == 0 && b[2] == 0xFE && b[3] == 0xFF) || (b[0] == 0 && b[1] == 0 && b[2] == 0 && b[3] == 0x3C))
            {
                bigEndian = true;
                return 4;
            }

            if ((b[0] == 0xFF && b[1] == 0xFE && b[2] == 0 && b[3] == 0) || (b[0] == 0x3C && b[1] == 0 && b[2] == 0 && b[3] == 0))
            {
                return 4;
            }
        }

        if (b.Length >= 2)
        {
            if ((b[0] == 0xFE && b[1] == 0xFF) || (b[0] == 0 && b[1] == 0x3C))
            {
                bigEndian = true;
                return 2;
            }

            if ((b[0] == 0xFF && b[1] == 0xFE) || (b[0] == 0x3C && b[1] == 0))
            {
                return 2;
            }
        }

        return 1;
    }

    private static void Wide<T>(ReadOnlySpan<T> units, bool bigEndian, XmlLimits limits)
        where T : unmanaged, IBinaryInteger<T>
    {
        // Code units in the machine's byte order are scanned in place; the other order is swapped into a copy.
        if (bigEndian != BitConverter.IsLittleEndian)
        {
            Scan(units, limits);
            return;
        }

        var swapped = ArrayPool<T>.Shared.Rent(units.Length);
        try
        {
            var target = swapped.AsSpan(0, units.Length);
            if (typeof(T) == typeof(ushort))
            {
                BinaryPrimitives.ReverseEndianness(MemoryMarshal.Cast<T, ushort>(units), MemoryMarshal.Cast<T, ushort>(target));
            }
            else
            {
                BinaryPrimitives.ReverseEndianness(MemoryMarshal.Cast<T, uint>(units), MemoryMarshal.Cast<T, uint>(target));
            }

            Scan<T>(target, limits);
        }
        finally
        {
            ArrayPool<T>.Shared.Return(swapped);
        }
    }

    private static void Scan<T>(ReadOnlySpan<T> s, XmlLimits limits)
        where T : unmanaged, IBinaryInteger<T>
    {
        var lt = T.CreateTruncating('<');
        var gt = T.CreateTruncating('>');
        var eq = T.CreateTruncating('=');
        var dq = T.CreateTruncating('"');
        var sq = T.CreateTruncating('\'');
        ReadOnlySpan<T> tagStops = [eq, gt, dq, sq];
        var i = 0;
        while (true)
        {
            var open = s[i..].IndexOf(lt);
            if (open < 0)
            {
                return;
            }

            i += open + 1;
            if (i >= s.Length)
            {
                return;
            }

            var c = s[i];
            if (c == T.CreateTruncating('!') || c == T.CreateTruncating('?'))
            {
                // Comments, CDATA sections and processing instructions may hold '=' and '>' freely: step over them.
                var skipped = SkipMarkup(s, i);
                if (skipped < 0)
                {
                    return;
                }

                i = skipped;
                continue;
            }

            if (c == T.CreateTruncating('/'))
            {
                continue;
            }

            int attributes = 0, declarations = 0;
            while (true)
            {
                var k = s[i..].IndexOfAny(tagStops);
                if (k < 0)
                {
                    return;
                }

                i += k;
                var stop = s[i];
                if (stop == gt)
                {
                    i++;
                    break;
                }

                if (stop == eq)
                {
                    if (++attributes > limits.MaxAttributesPerElement)
                    {
                        throw limits.TooManyAttributes();
                    }

                    if (IsNamespaceDeclaration(s, i) && ++declarations > limits.MaxNamespaceDeclarations)
                    {
                        throw limits.TooManyNamespaceDeclarations();
                    }

                    i++;
                    continue;
                }

                // A quoted value: '>' and '=' inside it are data.
                var close = s[(i + 1)..].IndexOf(stop);
                if (close < 0)
                {
                    return;
                }

                i += close + 2;
            }
        }
    }

    /// <summary>The index after the comment, CDATA section or processing instruction at <paramref name="i"/> (just after '&lt;'), or -1 to stop scanning.</summary>
    private static int SkipMarkup<T>(ReadOnlySpan<T> s, int i)
        where T : unmanaged, IBinaryInteger<T>
    {
        var rest = s[i..];
        string start, end;
        if (StartsWith(rest, "!--"))
        {
            (start, end) = ("!--", "-->");
        }
        else if (StartsWith(rest, "![CDATA["))
        {
            (start, end) = ("![CDATA[", "]]>");
        }
        else if (rest[0] == T.CreateTruncating('?'))
        {
            (start, end) = ("?", "?>");
        }
        else if (StartsWith(rest, "!DOCTYPE"))
        {
            // Said here, in our words: XmlReader's own refusal tells the client how to turn DTD processing on.
            throw XmlLimits.DtdNotAllowed();
        }
        else
        {
            return -1; // malformed markup: the parser stops here too
        }

        Span<T> terminator = stackalloc T[end.Length];
        for (var n = 0; n < end.Length; n++)
        {
            terminator[n] = T.CreateTruncating(end[n]);
        }

        var found = rest[start.Length..].IndexOf(terminator);
        return found < 0 ? -1 : i + start.Length + found + end.Length;
    }

    private static bool StartsWith<T>(ReadOnlySpan<T> s, string prefix)
        where T : unmanaged, IBinaryInteger<T>
    {
        if (s.Length < prefix.Length)
        {
            return false;
        }

        for (var n = 0; n < prefix.Length; n++)
        {
            if (s[n] != T.CreateTruncating(prefix[n]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether the attribute whose '=' is at <paramref name="eqIndex"/> is named <c>xmlns</c> or <c>xmlns:*</c>.</summary>
    private static bool IsNamespaceDeclaration<T>(ReadOnlySpan<T> s, int eqIndex)
        where T : unmanaged, IBinaryInteger<T>
    {
        var end = eqIndex;
        while (end > 0 && IsSpace(s[end - 1]))
        {
            end--;
        }

        // Each walk stops at the previous separator, so all walks of one tag together read it once.
        var start = end;
        while (start > 0 && !IsSpace(s[start - 1]) && !IsSeparator(s[start - 1]))
        {
            start--;
        }

        var name = s[start..end];
        return (name.Length == 5 || (name.Length > 5 && name[5] == T.CreateTruncating(':'))) && StartsWith(name, "xmlns");
    }

    private static bool IsSpace<T>(T c)
        where T : unmanaged, IBinaryInteger<T>
        => c == T.CreateTruncating(' ') || c == T.CreateTruncating('\t') || c == T.CreateTruncating('\n') || c == T.CreateTruncating('\r');

    private static bool IsSeparator<T>(T c)
        where T : unmanaged, IBinaryInteger<T>
        => c == T.CreateTruncating('=') || c == T.CreateTruncating('"') || c == T.CreateTruncating('\'') || c == T.CreateTruncating('<');
}
