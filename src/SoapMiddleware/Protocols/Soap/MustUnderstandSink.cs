using System.Xml.Linq;
using SoapMiddleware.Xml;

namespace SoapMiddleware.Protocols.Soap;

/// <summary>
/// Passes a header element through to <paramref name="inner"/>, marking it <c>soap:mustUnderstand="1"</c>: a contract
/// that declares a header MustUnderstand asks its sender to mark it, and for a response header that sender is us.
/// </summary>
internal sealed class MustUnderstandSink(XmlSink inner, SoapVersion version) : XmlSink
{
    private bool _marked;

    public override void StartElement(XName name)
    {
        inner.StartElement(name);
        if (!_marked)
        {
            _marked = true;
            inner.WriteAttribute(version.Namespace + "mustUnderstand", "soap", "1");
        }
    }

    public override XopCollector? Xop => inner.Xop;

    public override void WriteNamespace(string prefix, string namespaceName) => inner.WriteNamespace(prefix, namespaceName);

    public override void WriteNil() => inner.WriteNil();

    public override void WriteAttribute(string localName, string value) => inner.WriteAttribute(localName, value);

    public override void WriteAttribute(XName name, string prefix, string value) => inner.WriteAttribute(name, prefix, value);

    public override void WriteText(string text) => inner.WriteText(text);

    public override void EndElement(XName name) => inner.EndElement(name);

    public override void WriteXml(XElement element)
    {
        if (_marked)
        {
            inner.WriteXml(element);
            return;
        }

        _marked = true;
        var marked = new XElement(element);
        marked.SetAttributeValue(version.Namespace + "mustUnderstand", "1");
        inner.WriteXml(marked);
    }
}
