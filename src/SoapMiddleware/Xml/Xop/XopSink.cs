using System.Xml.Linq;

namespace SoapMiddleware.Xml;

/// <summary>Passes everything through to <paramref name="inner"/>, and has the model writer put binary values into <paramref name="parts"/>.</summary>
internal sealed class XopSink(XmlSink inner, XopCollector parts) : XmlSink
{
    public override XopCollector? Xop => parts;

    public override void StartElement(XName name) => inner.StartElement(name);

    public override void WriteNamespace(string prefix, string namespaceName) => inner.WriteNamespace(prefix, namespaceName);

    public override void WriteNil() => inner.WriteNil();

    public override void WriteAttribute(string localName, string value) => inner.WriteAttribute(localName, value);

    public override void WriteAttribute(XName name, string prefix, string value) => inner.WriteAttribute(name, prefix, value);

    public override void WriteText(string text) => inner.WriteText(text);

    public override void EndElement(XName name) => inner.EndElement(name);

    public override void WriteXml(XElement element) => inner.WriteXml(element);
}
