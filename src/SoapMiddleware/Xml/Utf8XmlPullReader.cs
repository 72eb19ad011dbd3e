using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Unicode;
using System.Xml;
using System.Xml.Linq;

namespace SoapMiddleware.Xml;

/// <summary>
/// The fast path: a forward-only reader over UTF-8 request bytes that allocates only the strings it returns (names
/// and namespace names come from a per-thread <see cref="Utf8NameCache"/>, the reader itself is reused per thread),
/// where <see cref="XmlReader"/> allocates about 3.5 KB to read a small envelope, 2.3 KB of it before the first node.
/// </summary>
/// <remarks>
/// <para>
/// It reads a strict subset of XML 1.0 with namespaces: UTF-8 (optional byte order mark; a declaration may say
/// version 1.0, encoding UTF-8, standalone), ASCII names, attribute values without references or literal tab, CR
/// or LF, text with the five predefined entities and character references, CDATA sections. Everything else (comments,
/// processing instructions, DTDs, other encodings, non-ASCII names, unusual namespace declarations, more than
/// <see cref="FastAttributeLimit"/> attributes) and every error makes it give up with
/// <see cref="XmlFastPathException"/>, and the caller reads the request again with <see cref="GuardedXmlReader"/>.
/// </para>
/// <para>
/// So for any request it reads to the end without giving up, it reports what <see cref="GuardedXmlReader"/> reports,
/// node for node; every malformed or over-limit request gets <see cref="XmlReader"/>'s own message. The tests hold it
/// to that with a corpus and random mutations.
/// </para>
/// </remarks>
internal sealed class Utf8XmlPullReader : XmlPullReader
{
    /// <summary>
    /// Beyond this many attributes on one element the exact reader takes over: the duplicate check here is quadratic,
    /// and SOAP elements carry a handful.
    /// </summary>
    public const int FastAttributeLimit = 32;

    // In-scope declarations beyond this go to the exact reader, whose prefix lookup is a hash, not a scan.
    private const int MaxBindings = 128;

    private const string XmlnsNamespace = "http://www.w3.org/2000/xmlns/";
    private const string XmlNamespace = "http://www.w3.org/XML/1998/namespace";

    [ThreadStatic]
    private static Utf8XmlPullReader? t_cached;

    // C0 controls other than tab, LF and CR are not XML characters anywhere in a document.
    private static readonly SearchValues<byte> ForbiddenBytes = SearchValues.Create(
        [0, 1, 2, 3, 4, 5, 6, 7, 8, 11, 12, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31]);

    private static readonly SearchValues<byte> TextSpecial = SearchValues.Create("&]\r"u8);
    private static readonly SearchValues<byte> DecodeSpecial = SearchValues.Create("&\r"u8);
    private static readonly SearchValues<byte> CDataSpecial = SearchValues.Create("\r"u8);
    private static readonly SearchValues<byte> DoubleQuotedStops = SearchValues.Create("\"<&\t\n\r"u8);
    private static readonly SearchValues<byte> SingleQuotedStops = SearchValues.Create("'<&\t\n\r"u8);

    private readonly Utf8NameCache _names = new();
    private ReadOnlyMemory<byte> _memory;
    private XmlLimits _limits;
    private int _pos;
    private bool _started;
    private bool _rootDone;
    private bool _popPending;

    private XmlNodeType _nodeType;
    private int _depth;
    private bool _isEmpty;
    private string _localName = string.Empty;
    private string _namespace = string.Empty;
    private int _textStart;
    private int _textEnd;
    private bool _textPlain;
    private bool _textCData;
    private string? _value;

    private Frame[] _frames = new Frame[16];
    private int _open;
    private Binding[] _bindings = new Binding[16];
    private int _bindingCount;
    private AttributeSlot[] _attributes = new AttributeSlot[8];
    private int _attributeCount;
    private string[] _declared = new string[8];
    private int _declaredCount;

    private Utf8XmlPullReader()
    {
    }

    public override XmlNodeType NodeType => _nodeType;

    public override string LocalName => _localName;

    public override string NamespaceURI => _namespace;

    public override int Depth => _depth;

    public override bool IsEmptyElement => _nodeType == XmlNodeType.Element && _isEmpty;

    public override string Value => _value ??= DecodeText();

    public override int AttributeCount => _nodeType == XmlNodeType.Element ? _attributeCount : 0;

    /// <summary>The calling thread's reader (a new one when it has none free), reset to read <paramref name="bytes"/>.</summary>
    public static Utf8XmlPullReader Rent(ReadOnlyMemory<byte> bytes, XmlLimits limits)
    {
        var reader = t_cached ?? new Utf8XmlPullReader();
        t_cached = null;
        reader.Reset(bytes, limits);
        return reader;
    }

    /// <summary>Keeps the reader for the thread's next request; it no longer refers to the request's bytes.</summary>
    public static void Return(Utf8XmlPullReader reader)
    {
        reader._memory = default;
        reader._value = null;

        // A deep or namespace-heavy request may have grown the stacks: what a thread keeps stays small.
        if (reader._frames.Length > 64)
        {
            reader._frames = new Frame[16];
        }

        if (reader._declared.Length > 64)
        {
            reader._declared = new string[8];
        }

        t_cached = reader;
    }

    public override bool Read()
    {
        if (_popPending)
        {
            _popPending = false;
            Pop();
        }

        _value = null;
        var s = _memory.Span;
        if (!_started)
        {
            _started = true;
            Prolog(s);
        }

        if (_open == 0)
        {
            if (_rootDone)
            {
                Epilog(s);
                _nodeType = XmlNodeType.None;
                return false;
            }

            if (_pos >= s.Length || s[_pos] != '<')
            {
                throw Bail();
            }

            StartTag(s);
            return true;
        }

        if (_pos >= s.Length)
        {
            throw Bail();
        }

        if (s[_pos] != '<')
        {
            Text(s);
            return true;
        }

        if (_pos + 1 >= s.Length)
        {
            throw Bail();
        }

        switch (s[_pos + 1])
        {
            case (byte)'/':
                EndTag(s);
                break;
            case (byte)'!':
                CData(s);
                break;
            case (byte)'?':
                throw Bail();
            default:
                StartTag(s);
                break;
        }

        return true;
    }

    public override string? GetAttribute(string localName, string namespaceUri)
    {
        var s = _memory.Span;
        for (var i = 0; i < AttributeCount; i++)
        {
            ref var a = ref _attributes[i];
            if (a.Namespace == namespaceUri && Ascii.Equals(s.Slice(a.LocalStart, a.LocalLength), localName))
            {
                return _names.Get(s.Slice(a.ValueStart, a.ValueLength));
            }
        }

        return null;
    }

    public override string? LookupNamespace(string prefix)
    {
        var s = _memory.Span;
        for (var i = _bindingCount - 1; i >= 0; i--)
        {
            ref var b = ref _bindings[i];
            if (b.PrefixLength == prefix.Length && Ascii.Equals(s.Slice(b.PrefixStart, b.PrefixLength), prefix))
            {
                return b.Namespace;
            }
        }

        return prefix.Length == 0 ? string.Empty : null;
    }

    public override XAttribute CreateAttribute(int index)
    {
        var s = _memory.Span;
        ref var a = ref _attributes[index];
        var value = Encoding.UTF8.GetString(s.Slice(a.ValueStart, a.ValueLength));
        var local = _names.Get(s.Slice(a.LocalStart, a.LocalLength));
        if (a.IsDeclaration)
        {
            return new XAttribute(a.PrefixLength == 0 ? XName.Get("xmlns") : XNamespace.Xmlns + local, value);
        }

        return new XAttribute(XName.Get(local, a.Namespace!), value);
    }

    private static bool IsSpace(byte c) => c is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r';

    private static bool IsNameStart(byte c) => (uint)((c | 0x20) - 'a') <= 'z' - 'a' || c == '_';

    private static bool IsNameChar(byte c) => IsNameStart(c) || (uint)(c - '0') <= 9 || c == '-' || c == '.';

    /// <summary>XML 1.0 <c>Char</c>.</summary>
    private static bool IsXmlChar(int c)
        => c is 0x9 or 0xA or 0xD or (>= 0x20 and <= 0xD7FF) or (>= 0xE000 and <= 0xFFFD) or (>= 0x10000 and <= 0x10FFFF);

    /// <summary>Parses the entity or character reference at <paramref name="at"/> ('&amp;'); gives up on anything else.</summary>
    /// <returns>The reference's length in bytes, '&amp;' and ';' included.</returns>
    private int Reference(ReadOnlySpan<byte> text, int at, out int scalar)
    {
        var rest = text[(at + 1)..];
        var semicolon = rest.IndexOf((byte)';');
        if (semicolon <= 0 || semicolon > 10)
        {
            throw Bail();
        }

        var name = rest[..semicolon];
        if (name[0] != '#')
        {
            scalar = name switch
            {
                _ when name.SequenceEqual("lt"u8) => '<',
                _ when name.SequenceEqual("gt"u8) => '>',
                _ when name.SequenceEqual("amp"u8) => '&',
                _ when name.SequenceEqual("quot"u8) => '"',
                _ when name.SequenceEqual("apos"u8) => '\'',
                _ => -1,
            };
        }
        else
        {
            var hex = name.Length > 1 && name[1] == 'x';
            var digits = name[(hex ? 2 : 1)..];
            scalar = digits.IsEmpty ? -1 : 0;
            foreach (var d in digits)
            {
                var value = d switch
                {
                    >= (byte)'0' and <= (byte)'9' => d - '0',
                    >= (byte)'a' and <= (byte)'f' when hex => d - 'a' + 10,
                    >= (byte)'A' and <= (byte)'F' when hex => d - 'A' + 10,
                    _ => -1,
                };
                if (value < 0)
                {
                    scalar = -1;
                    break;
                }

                scalar = (scalar * (hex ? 16 : 10)) + value; // at most 8 digits: no overflow
            }

            if (!IsXmlChar(scalar))
            {
                scalar = -1;
            }
        }

        if (scalar < 0)
        {
            throw Bail();
        }

        return semicolon + 2;
    }

    /// <summary>Marks the reader failed and returns the exception to throw: the caller reads the request with the exact reader.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private XmlFastPathException Bail()
    {
        Failed = true;
        return new XmlFastPathException();
    }

    private void Reset(ReadOnlyMemory<byte> bytes, XmlLimits limits)
    {
        _memory = bytes;
        _limits = limits;
        _pos = 0;
        _started = false;
        _rootDone = false;
        _popPending = false;
        _nodeType = XmlNodeType.None;
        _depth = 0;
        _open = 0;
        _bindingCount = 0;
        _attributeCount = 0;
        _declaredCount = 0;
        _value = null;
        Failed = false;
    }

    /// <summary>Checks the whole document's bytes once, then reads the byte order mark and the XML declaration.</summary>
    private void Prolog(ReadOnlySpan<byte> s)
    {
        // Invalid UTF-8, C0 controls and U+FFFE/U+FFFF are errors wherever they are: rule them out in three vector scans.
        if (!Utf8.IsValid(s) || s.IndexOfAny(ForbiddenBytes) >= 0 || s.IndexOf("\uFFFE"u8) >= 0 || s.IndexOf("\uFFFF"u8) >= 0)
        {
            throw Bail();
        }

        _pos = s.StartsWith("\uFEFF"u8) ? 3 : 0;
        if (s[_pos..].StartsWith("<?xml"u8) && _pos + 5 < s.Length && IsSpace(s[_pos + 5]))
        {
            XmlDeclaration(s);
        }

        SkipSpaces(s);
    }

    /// <summary><c>&lt;?xml version="1.0" encoding="utf-8" standalone="yes"?&gt;</c>, the last two optional, nothing else.</summary>
    private void XmlDeclaration(ReadOnlySpan<byte> s)
    {
        _pos += 5;
        SkipSpaces(s);
        Expect(s, "version"u8);
        if (!Quoted(s).SequenceEqual("1.0"u8))
        {
            throw Bail();
        }

        var spaced = SkipSpaces(s);
        if (spaced && s[_pos..].StartsWith("encoding"u8))
        {
            _pos += 8;
            if (!Ascii.EqualsIgnoreCase(Quoted(s), "utf-8"u8))
            {
                throw Bail();
            }

            spaced = SkipSpaces(s);
        }

        if (spaced && s[_pos..].StartsWith("standalone"u8))
        {
            _pos += 10;
            var standalone = Quoted(s);
            if (!standalone.SequenceEqual("yes"u8) && !standalone.SequenceEqual("no"u8))
            {
                throw Bail();
            }

            SkipSpaces(s);
        }

        Expect(s, "?>"u8);
    }

    private void Expect(ReadOnlySpan<byte> s, ReadOnlySpan<byte> literal)
    {
        if (!s[_pos..].StartsWith(literal))
        {
            throw Bail();
        }

        _pos += literal.Length;
    }

    /// <summary>The value after <c>S? = S?</c> in the XML declaration, without its quotes.</summary>
    private ReadOnlySpan<byte> Quoted(ReadOnlySpan<byte> s)
    {
        SkipSpaces(s);
        Expect(s, "="u8);
        SkipSpaces(s);
        if (_pos >= s.Length || (s[_pos] != '"' && s[_pos] != '\''))
        {
            throw Bail();
        }

        var quote = s[_pos++];
        var length = s[_pos..].IndexOf(quote);
        if (length < 0)
        {
            throw Bail();
        }

        var value = s.Slice(_pos, length);
        _pos += length + 1;
        return value;
    }

    private void Epilog(ReadOnlySpan<byte> s)
    {
        SkipSpaces(s);
        if (_pos < s.Length)
        {
            throw Bail();
        }
    }

    private bool SkipSpaces(ReadOnlySpan<byte> s)
    {
        var start = _pos;
        while (_pos < s.Length && IsSpace(s[_pos]))
        {
            _pos++;
        }

        return _pos > start;
    }

    /// <summary>A QName of ASCII NCNames: <c>local</c> or <c>prefix:local</c>.</summary>
    private void QName(ReadOnlySpan<byte> s, out int prefixLength, out int localStart, out int localLength)
    {
        var start = _pos;
        Ncname(s);
        if (_pos < s.Length && s[_pos] == ':')
        {
            prefixLength = _pos - start;
            localStart = ++_pos;
            Ncname(s);
            if (_pos < s.Length && s[_pos] == ':')
            {
                throw Bail();
            }

            localLength = _pos - localStart;
            return;
        }

        prefixLength = 0;
        localStart = start;
        localLength = _pos - start;
    }

    private void Ncname(ReadOnlySpan<byte> s)
    {
        if (_pos >= s.Length || !IsNameStart(s[_pos]))
        {
            throw Bail();
        }

        _pos++;
        while (_pos < s.Length && IsNameChar(s[_pos]))
        {
            _pos++;
        }
    }

    private void StartTag(ReadOnlySpan<byte> s)
    {
        var nameStart = ++_pos;
        QName(s, out var prefixLength, out var localStart, out var localLength);
        var nameLength = _pos - nameStart;
        _attributeCount = 0;
        bool empty;
        while (true)
        {
            var spaced = SkipSpaces(s);
            if (_pos >= s.Length)
            {
                throw Bail();
            }

            var c = s[_pos];
            if (c == '>')
            {
                _pos++;
                empty = false;
                break;
            }

            if (c == '/')
            {
                if (_pos + 1 >= s.Length || s[_pos + 1] != '>')
                {
                    throw Bail();
                }

                _pos += 2;
                empty = true;
                break;
            }

            if (!spaced)
            {
                throw Bail();
            }

            ReadAttribute(s);
        }

        if (_open >= _limits.MaxDepth)
        {
            throw Bail();
        }

        if (_open == _frames.Length)
        {
            Array.Resize(ref _frames, _frames.Length * 2);
        }

        ref var frame = ref _frames[_open++];
        frame.NameStart = nameStart;
        frame.NameLength = nameLength;
        frame.BindingStart = _bindingCount;
        DeclareNamespaces(s);
        ResolveAttributes(s);

        var prefix = s.Slice(nameStart, prefixLength);
        if (prefix.SequenceEqual("xmlns"u8) || prefix.SequenceEqual("xml"u8))
        {
            throw Bail();
        }

        var ns = Resolve(s, nameStart, prefixLength) ?? throw Bail();
        _nodeType = XmlNodeType.Element;
        _depth = _open - 1;
        _isEmpty = empty;
        _localName = frame.LocalName = _names.Get(s.Slice(localStart, localLength));
        _namespace = frame.Namespace = ns;
        _popPending = empty;
    }

    private void ReadAttribute(ReadOnlySpan<byte> s)
    {
        var start = _pos;
        QName(s, out var prefixLength, out var localStart, out var localLength);
        SkipSpaces(s);
        Expect(s, "="u8);
        SkipSpaces(s);
        if (_pos >= s.Length || (s[_pos] != '"' && s[_pos] != '\''))
        {
            throw Bail();
        }

        var quote = s[_pos++];

        // References and literal whitespace in attribute values (normalized by the XML rules) go to the exact reader.
        var length = s[_pos..].IndexOfAny(quote == '"' ? DoubleQuotedStops : SingleQuotedStops);
        if (length < 0 || s[_pos + length] != quote)
        {
            throw Bail();
        }

        if (_attributeCount >= FastAttributeLimit || _attributeCount >= _limits.MaxAttributesPerElement)
        {
            throw Bail();
        }

        if (_attributeCount == _attributes.Length)
        {
            Array.Resize(ref _attributes, _attributes.Length * 2);
        }

        _attributes[_attributeCount++] = new AttributeSlot
        {
            PrefixStart = start,
            PrefixLength = prefixLength,
            LocalStart = localStart,
            LocalLength = localLength,
            ValueStart = _pos,
            ValueLength = length,
        };
        _pos += length + 1;
    }

    private void DeclareNamespaces(ReadOnlySpan<byte> s)
    {
        var declarations = 0;
        for (var i = 0; i < _attributeCount; i++)
        {
            ref var a = ref _attributes[i];
            var local = s.Slice(a.LocalStart, a.LocalLength);
            var value = s.Slice(a.ValueStart, a.ValueLength);
            if (a.PrefixLength == 5 && s.Slice(a.PrefixStart, 5).SequenceEqual("xmlns"u8))
            {
                // xmlns:xml, xmlns:xmlns and xmlns:p="" are errors or special: the exact reader decides.
                if (local.SequenceEqual("xml"u8) || local.SequenceEqual("xmlns"u8) || value.IsEmpty)
                {
                    throw Bail();
                }

                Declare(a.LocalStart, a.LocalLength, value);
            }
            else if (a.PrefixLength == 0 && local.SequenceEqual("xmlns"u8))
            {
                Declare(0, 0, value);
            }
            else
            {
                a.IsDeclaration = false;
                a.Namespace = null;
                continue;
            }

            a.IsDeclaration = true;
            a.Namespace = XmlnsNamespace;
            if (++declarations > _limits.MaxNamespaceDeclarations)
            {
                throw Bail();
            }
        }
    }

    private void Declare(int prefixStart, int prefixLength, ReadOnlySpan<byte> value)
    {
        var name = _names.Get(value);
        if (name is XmlNamespace or XmlnsNamespace || _bindingCount == MaxBindings)
        {
            throw Bail();
        }

        NoteNamespace(name);
        if (_bindingCount == _bindings.Length)
        {
            Array.Resize(ref _bindings, _bindings.Length * 2);
        }

        _bindings[_bindingCount++] = new Binding { PrefixStart = prefixStart, PrefixLength = prefixLength, Namespace = name };
    }

    /// <summary>Counts distinct declared namespace names, as <see cref="GuardedXmlReader"/> does (it raises the fault).</summary>
    private void NoteNamespace(string name)
    {
        for (var i = 0; i < _declaredCount; i++)
        {
            if (_declared[i] == name)
            {
                return;
            }
        }

        if (_declaredCount >= _limits.MaxNamespaceDeclarations)
        {
            throw Bail();
        }

        if (_declaredCount == _declared.Length)
        {
            Array.Resize(ref _declared, _declared.Length * 2);
        }

        _declared[_declaredCount++] = name;
    }

    /// <summary>The namespace bound to the prefix at <paramref name="prefixStart"/> (the default namespace for length 0), or null.</summary>
    private string? Resolve(ReadOnlySpan<byte> s, int prefixStart, int prefixLength)
    {
        var prefix = s.Slice(prefixStart, prefixLength);
        for (var i = _bindingCount - 1; i >= 0; i--)
        {
            ref var b = ref _bindings[i];
            if (b.PrefixLength == prefixLength && (prefixLength == 0 || s.Slice(b.PrefixStart, b.PrefixLength).SequenceEqual(prefix)))
            {
                return b.Namespace;
            }
        }

        return prefixLength == 0 ? string.Empty : null;
    }

    private void ResolveAttributes(ReadOnlySpan<byte> s)
    {
        for (var i = 0; i < _attributeCount; i++)
        {
            ref var a = ref _attributes[i];
            if (a.IsDeclaration)
            {
                continue;
            }

            if (a.PrefixLength == 0)
            {
                a.Namespace = string.Empty;
                continue;
            }

            if (s.Slice(a.PrefixStart, a.PrefixLength).SequenceEqual("xml"u8))
            {
                throw Bail(); // xml:space changes how whitespace is reported; xml:lang and the rest are rare
            }

            a.Namespace = Resolve(s, a.PrefixStart, a.PrefixLength) ?? throw Bail();
        }

        // Duplicates by expanded name (which covers the same qualified name twice): an error for the exact reader to report.
        for (var i = 1; i < _attributeCount; i++)
        {
            ref var a = ref _attributes[i];
            var local = s.Slice(a.LocalStart, a.LocalLength);
            for (var j = 0; j < i; j++)
            {
                ref var b = ref _attributes[j];
                if (b.Namespace == a.Namespace && local.SequenceEqual(s.Slice(b.LocalStart, b.LocalLength)))
                {
                    throw Bail();
                }
            }
        }
    }

    private void EndTag(ReadOnlySpan<byte> s)
    {
        _pos += 2;
        var start = _pos;
        QName(s, out _, out _, out _);
        ref var frame = ref _frames[_open - 1];
        var name = s[start.._pos];
        if (!name.SequenceEqual(s.Slice(frame.NameStart, frame.NameLength)))
        {
            throw Bail();
        }

        SkipSpaces(s);
        Expect(s, ">"u8);
        _nodeType = XmlNodeType.EndElement;
        _depth = _open - 1;
        _isEmpty = false;
        _localName = frame.LocalName;
        _namespace = frame.Namespace;
        _popPending = true;
    }

    private void Pop()
    {
        _open--;
        _bindingCount = _frames[_open].BindingStart;
        if (_open == 0)
        {
            _rootDone = true;
        }
    }

    private void Text(ReadOnlySpan<byte> s)
    {
        var start = _pos;
        var length = s[start..].IndexOf((byte)'<');
        if (length < 0)
        {
            throw Bail(); // text to the end of the document: the root is never closed
        }

        var text = s.Slice(start, length);
        var plain = true;
        var k = text.IndexOfAny(TextSpecial);
        while (k >= 0)
        {
            switch (text[k])
            {
                case (byte)']':
                    if (text[k..].StartsWith("]]>"u8))
                    {
                        throw Bail();
                    }

                    k++;
                    break;
                case (byte)'\r':
                    plain = false;
                    k++;
                    break;
                default:
                    plain = false;
                    k += Reference(text, k, out _);
                    break;
            }

            var next = text[k..].IndexOfAny(TextSpecial);
            k = next < 0 ? -1 : k + next;
        }

        SetText(start, start + length, plain, cdata: false);
        _pos = start + length;
    }

    private void CData(ReadOnlySpan<byte> s)
    {
        // Only CDATA sections here: comments and declarations go to the exact reader.
        if (!s[_pos..].StartsWith("<![CDATA["u8))
        {
            throw Bail();
        }

        var start = _pos + 9;
        var length = s[start..].IndexOf("]]>"u8);
        if (length < 0)
        {
            throw Bail();
        }

        SetText(start, start + length, s.Slice(start, length).IndexOf((byte)'\r') < 0, cdata: true);
        _pos = start + length + 3;
    }

    private void SetText(int start, int end, bool plain, bool cdata)
    {
        _nodeType = XmlNodeType.Text;
        _depth = _open;
        _isEmpty = false;
        _localName = string.Empty;
        _namespace = string.Empty;
        _textStart = start;
        _textEnd = end;
        _textPlain = plain;
        _textCData = cdata;
    }

    /// <summary>The text node's value: references expanded (not in CDATA), CR LF and lone CR read as LF.</summary>
    private string DecodeText()
    {
        if (_nodeType != XmlNodeType.Text)
        {
            return string.Empty;
        }

        var raw = _memory.Span[_textStart.._textEnd];
        if (_textPlain)
        {
            return Encoding.UTF8.GetString(raw);
        }

        // UTF-8 never needs more chars than bytes, and references only shrink.
        char[]? rented = null;
        Span<char> chars = raw.Length <= 256 ? stackalloc char[256] : (rented = ArrayPool<char>.Shared.Rent(raw.Length));
        try
        {
            var n = 0;
            var i = 0;
            var stops = _textCData ? CDataSpecial : DecodeSpecial;
            while (i < raw.Length)
            {
                var k = raw[i..].IndexOfAny(stops);
                var run = k < 0 ? raw[i..] : raw.Slice(i, k);
                n += Encoding.UTF8.GetChars(run, chars[n..]);
                if (k < 0)
                {
                    break;
                }

                i += k;
                if (raw[i] == '\r')
                {
                    chars[n++] = '\n';
                    i += i + 1 < raw.Length && raw[i + 1] == '\n' ? 2 : 1;
                    continue;
                }

                i += Reference(raw, i, out var scalar);
                n += new Rune(scalar).EncodeToUtf16(chars[n..]);
            }

            return new string(chars[..n]);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }

    private struct Frame
    {
        public int NameStart;
        public int NameLength;
        public int BindingStart;
        public string LocalName;
        public string Namespace;
    }

    private struct Binding
    {
        public int PrefixStart;
        public int PrefixLength;
        public string Namespace;
    }

    private struct AttributeSlot
    {
        public int PrefixStart;
        public int PrefixLength;
        public int LocalStart;
        public int LocalLength;
        public int ValueStart;
        public int ValueLength;
        public string? Namespace;
        public bool IsDeclaration;
    }
}
