using System.Xml;
using System.Xml.Linq;

namespace SoapMiddleware.Client.Wsdl;

/// <summary>
/// Where a component of the model (a type, a particle, an operation) is declared: its document, line and column, so
/// what is found wrong with it later (when the description is mapped to a client's) points at the line. The default
/// (no document) when unknown. Kept in the description cache, so a cached description points at the same lines.
/// </summary>
internal readonly record struct SourceLocation(Uri? Document, int Line, int Column)
{
    /// <summary>The location of <paramref name="node"/> in <paramref name="document"/>, read with line information.</summary>
    public static SourceLocation Of(Uri document, XObject node)
    {
        var line = (IXmlLineInfo)node;
        return new SourceLocation(document, line.LineNumber, line.LinePosition);
    }
}
