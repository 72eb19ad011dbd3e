using System.Xml.Linq;

namespace SoapMiddleware.Xml;

/// <summary>
/// Where the model writer puts elements: a tree (<see cref="XElementSink"/>, when someone wants
/// <see cref="MethodContext.OutDocument"/>) or UTF-8 bytes straight away (<see cref="Utf8XmlSink"/>, the fast path).
/// One writer serves both, so the two outputs cannot drift apart.
/// </summary>
internal abstract class XmlSink
{
    public abstract void StartElement(XName name);

    /// <summary>
    /// Where binary values go as MTOM parts (an <c>xop:Include</c> written in their place); null (the default) writes
    /// them as base64 text. <see cref="XopSink"/> says where, so the sinks of every other call stay the size they were.
    /// </summary>
    public virtual XopCollector? Xop => null;

    /// <summary>Declares <c>xmlns:{prefix}</c> on the element just started; call before any content.</summary>
    public abstract void WriteNamespace(string prefix, string namespaceName);

    /// <summary>Marks the element just started as <c>xsi:nil="true"</c>; call before any content.</summary>
    public abstract void WriteNil();

    /// <summary>Writes the unqualified attribute <paramref name="localName"/> on the element just started; call before any content.</summary>
    public abstract void WriteAttribute(string localName, string value);

    /// <summary>
    /// Writes an attribute on the element just started; call before any content. <paramref name="prefix"/> must be
    /// declared for the attribute's namespace on an enclosing element (the byte sink writes it as given).
    /// </summary>
    public abstract void WriteAttribute(XName name, string prefix, string value);

    public abstract void WriteText(string text);

    public abstract void EndElement(XName name);

    /// <summary>Writes <paramref name="element"/> whole, as it is (an <c>xs:any</c> or <c>xs:anyType</c> value), declaring the namespaces it uses.</summary>
    public abstract void WriteXml(XElement element);

    /// <summary>
    /// Marks the element just started as holding the derived type <paramref name="type"/> (<c>xsi:type</c>); call before
    /// any content. Both prefixes are declared on the element itself, so the attribute resolves wherever it is written.
    /// </summary>
    public void WriteXsiType(System.Xml.XmlQualifiedName type)
    {
        WriteNamespace("i", Model.XmlNames.Xsi.NamespaceName);
        WriteNamespace("kt", type.Namespace);
        WriteAttribute(Model.XmlNames.Xsi + "type", "i", "kt:" + type.Name);
    }

    /// <summary>Writes an element holding only text.</summary>
    public void WriteElement(XName name, string text)
    {
        StartElement(name);
        WriteText(text);
        EndElement(name);
    }
}
