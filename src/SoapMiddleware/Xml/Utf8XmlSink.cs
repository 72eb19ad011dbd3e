using System.Buffers;
using System.Text;
using System.Xml.Linq;
using SoapMiddleware.Model;

namespace SoapMiddleware.Xml;

/// <summary>
/// Writes UTF-8 XML directly, with fixed prefixes for the namespaces a SOAP response uses (declared once on the
/// envelope by the caller). Measured on GetOrder(100): building an XElement tree and saving it through
/// <c>XmlWriter</c> cost about three quarters of the call; this writes the same bytes without either. Tags are
/// encoded once per name (<see cref="Utf8TagCache"/>) and text is copied in one piece unless it needs escaping.
/// </summary>
internal sealed class Utf8XmlSink(ByteBuffer output, Utf8TagCache tags) : XmlSink
{
    private static readonly SearchValues<char> TextEscapes = SearchValues.Create("&<>\r");
    private static readonly SearchValues<char> AttributeEscapes = SearchValues.Create("&<>\r\"\n\t");
    private static readonly byte[] Nil = Encoding.UTF8.GetBytes(" xmlns:xsi=\"" + XmlNames.Xsi.NamespaceName + "\" xsi:nil=\"true\"");
    private readonly Stack<byte[]> _closeTags = new();
    private bool _tagOpen;

    public override void StartElement(XName name)
    {
        CloseTag();
        var (open, close) = tags.Get(name);
        output.Write(open);
        _closeTags.Push(close);
        _tagOpen = true;
    }

    /// <summary>
    /// Starts <paramref name="name"/> from bytes written before (its start tag and attributes, still open, and anything
    /// before it): the same state as <see cref="StartElement"/> followed by the calls that wrote them.
    /// </summary>
    public void StartElementWith(ReadOnlySpan<byte> startTag, XName name)
    {
        CloseTag();
        output.Write(startTag);
        _closeTags.Push(tags.Get(name).Close);
        _tagOpen = true;
    }

    public override void WriteNil() => output.Write(Nil);

    public override void WriteAttribute(string localName, string value)
    {
        Write(" ");
        Write(localName);
        Write("=\"");
        WriteEscaped(value, AttributeEscapes);
        Write("\"");
    }

    public override void WriteNamespace(string prefix, string namespaceName)
    {
        Write(" xmlns:");
        Write(prefix);
        Write("=\"");
        WriteEscaped(namespaceName, AttributeEscapes);
        Write("\"");
    }

    public override void WriteAttribute(XName name, string prefix, string value)
    {
        Write(" ");
        Write(prefix);
        Write(":");
        Write(name.LocalName);
        Write("=\"");
        WriteEscaped(value, AttributeEscapes);
        Write("\"");
    }

    public override void WriteText(string text)
    {
        CloseTag();
        WriteEscaped(text, TextEscapes);
    }

    /// <summary>Writes an element holding a number's invariant text, formatted straight into the output.</summary>
    public void WriteInvariantElement<T>(XName name, T value)
        where T : IUtf8SpanFormattable
    {
        StartElement(name);
        CloseTag();
        output.WriteInvariant(value);
        EndElement(name);
    }

    public override void EndElement(XName name)
    {
        var close = _closeTags.Pop();
        if (_tagOpen)
        {
            output.Write(" />"u8);
            _tagOpen = false;
            return;
        }

        output.Write(close);
    }

    public void WriteRaw(string text) => Write(text);

    // Rare (a schema description's xs:any): LINQ to XML writes it, declaring every namespace it uses on it.
    public override void WriteXml(XElement element)
    {
        CloseTag();
        Write(element.ToString(SaveOptions.DisableFormatting | SaveOptions.OmitDuplicateNamespaces));
    }

    private void CloseTag()
    {
        if (_tagOpen)
        {
            output.Write(">"u8);
            _tagOpen = false;
        }
    }

    private void WriteEscaped(string text, SearchValues<char> escapes)
    {
        var rest = text.AsSpan();
        int next;
        while ((next = rest.IndexOfAny(escapes)) >= 0)
        {
            Write(rest[..next]);
            Write(rest[next] switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '\r' => "&#xD;",
                '"' => "&quot;",
                '\n' => "&#xA;",
                _ => "&#x9;",
            });
            rest = rest[(next + 1)..];
        }

        Write(rest);
    }

    private void Write(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return;
        }

        output.WriteUtf8(text);
    }
}
