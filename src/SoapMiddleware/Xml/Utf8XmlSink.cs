using System.Buffers;
using System.Text;
using System.Xml.Linq;
using SoapMiddleware.Model;

namespace SoapMiddleware.Xml;

/// <summary>
/// Writes UTF-8 XML directly, with fixed prefixes for the namespaces a SOAP response uses (declared once on the
/// envelope by the caller). Measured on GetOrder(100): building an XElement tree and saving it cost about three
/// quarters of the call; this writes the same bytes without the tree or <c>XmlWriter</c>.
/// </summary>
internal sealed class Utf8XmlSink(ArrayBufferWriter<byte> output, IReadOnlyDictionary<XNamespace, string> prefixes) : XmlSink
{
    private bool _tagOpen;

    public override void StartElement(XName name)
    {
        CloseTag();
        Write("<");
        WriteName(name);
        if (name.Namespace != XNamespace.None && !prefixes.ContainsKey(name.Namespace))
        {
            Write(" xmlns=\"");
            WriteEscaped(name.NamespaceName, attribute: true);
            Write("\"");
        }

        _tagOpen = true;
    }

    public override void WriteNil() => Write(" xmlns:xsi=\"" + XmlNames.Xsi.NamespaceName + "\" xsi:nil=\"true\"");

    /// <summary>Writes a namespace declaration or attribute on the element just started.</summary>
    public void WriteAttribute(string qualifiedName, string value)
    {
        Write(" ");
        Write(qualifiedName);
        Write("=\"");
        WriteEscaped(value, attribute: true);
        Write("\"");
    }

    public override void WriteText(string text)
    {
        CloseTag();
        WriteEscaped(text, attribute: false);
    }

    public override void EndElement(XName name)
    {
        if (_tagOpen)
        {
            Write(" />");
            _tagOpen = false;
            return;
        }

        Write("</");
        WriteName(name);
        Write(">");
    }

    public void WriteRaw(string text) => Write(text);

    private void CloseTag()
    {
        if (_tagOpen)
        {
            Write(">");
            _tagOpen = false;
        }
    }

    private void WriteName(XName name)
    {
        if (prefixes.TryGetValue(name.Namespace, out var prefix) && prefix.Length > 0)
        {
            Write(prefix);
            Write(":");
        }

        Write(name.LocalName);
    }

    private void WriteEscaped(string text, bool attribute)
    {
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var escape = text[i] switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '\r' => "&#xD;",
                '"' when attribute => "&quot;",
                '\n' when attribute => "&#xA;",
                '\t' when attribute => "&#x9;",
                _ => null,
            };
            if (escape is not null)
            {
                Write(text.AsSpan(start, i - start));
                Write(escape);
                start = i + 1;
            }
        }

        Write(text.AsSpan(start));
    }

    private void Write(string text) => Write(text.AsSpan());

    private void Write(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return;
        }

        var span = output.GetSpan(Encoding.UTF8.GetMaxByteCount(text.Length));
        output.Advance(Encoding.UTF8.GetBytes(text, span));
    }
}
