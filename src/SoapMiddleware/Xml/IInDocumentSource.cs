using System.Xml.Linq;

namespace SoapMiddleware.Xml;

/// <summary>
/// What a protocol that reads requests without a tree leaves on the <see cref="MethodContext"/>: the means to build
/// <see cref="MethodContext.InDocument"/> (and find its header and body elements) the first time someone asks.
/// </summary>
internal interface IInDocumentSource
{
    /// <summary>Parses the request into a document (the request was already read once, so this does not fail).</summary>
    XDocument LoadDocument();

    /// <summary>The header and body payload elements of <paramref name="document"/>, or nulls before the envelope was decomposed.</summary>
    (XElement? Header, XElement? Body) FindParts(XDocument document);
}
