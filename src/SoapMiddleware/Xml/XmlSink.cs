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

    /// <summary>Declares <c>xmlns:{prefix}</c> on the element just started; call before any content.</summary>
    public abstract void WriteNamespace(string prefix, string namespaceName);

    /// <summary>Marks the element just started as <c>xsi:nil="true"</c>; call before any content.</summary>
    public abstract void WriteNil();

    /// <summary>Writes the unqualified attribute <paramref name="localName"/> on the element just started; call before any content.</summary>
    public abstract void WriteAttribute(string localName, string value);

    public abstract void WriteText(string text);

    public abstract void EndElement(XName name);

    /// <summary>Writes an element holding only text.</summary>
    public void WriteElement(XName name, string text)
    {
        StartElement(name);
        WriteText(text);
        EndElement(name);
    }
}
