using System.Xml.Linq;
using SoapMiddleware.Model;

namespace SoapMiddleware.Xml;

/// <summary>Builds an <see cref="XElement"/> tree.</summary>
internal sealed class XElementSink : XmlSink
{
    private readonly Stack<XElement> _open = new();

    /// <summary>The first element written.</summary>
    public XElement? Root { get; private set; }

    public override void StartElement(XName name)
    {
        var element = new XElement(name);
        if (_open.TryPeek(out var parent))
        {
            parent.Add(element);
        }
        else
        {
            Root ??= element;
        }

        _open.Push(element);
    }

    public override void WriteNil()
    {
        var element = _open.Peek();
        element.Add(new XAttribute(XNamespace.Xmlns + "xsi", XmlNames.Xsi.NamespaceName), new XAttribute(XmlNames.Nil, "true"));
    }

    public override void WriteAttribute(string localName, string value) => _open.Peek().Add(new XAttribute(localName, value));

    public override void WriteNamespace(string prefix, string namespaceName)
        => _open.Peek().Add(new XAttribute(XNamespace.Xmlns + prefix, namespaceName));

    public override void WriteAttribute(XName name, string prefix, string value) => _open.Peek().Add(new XAttribute(name, value));

    public override void WriteText(string text) => _open.Peek().Add(text);

    public override void EndElement(XName name) => _open.Pop();

    public override void WriteXml(XElement element)
    {
        var copy = new XElement(element);
        if (_open.TryPeek(out var parent))
        {
            parent.Add(copy);
        }
        else
        {
            Root ??= copy;
        }
    }
}
