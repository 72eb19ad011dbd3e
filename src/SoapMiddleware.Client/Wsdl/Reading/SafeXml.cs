using System.Xml;
using System.Xml.Linq;

namespace SoapMiddleware.Client.Wsdl.Reading;

/// <summary>
/// Parses one document safely: no DTD (so no entity expansion or external entity), no resolver, a character limit
/// from the byte limit, and a nesting limit checked in a streaming pass before the tree is built.
/// </summary>
internal static class SafeXml
{
    public static XDocument Parse(byte[] bytes, int length, Uri location, int maxNestingDepth)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersFromEntities = 0,
            MaxCharactersInDocument = length + 1024L,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            IgnoreWhitespace = true,
        };

        try
        {
            // The streaming pass bounds the depth before XDocument (which recurses neither, but holds it all) is built.
            using (var scan = XmlReader.Create(new MemoryStream(bytes, 0, length, writable: false), settings))
            {
                while (scan.Read())
                {
                    if (scan.Depth > maxNestingDepth)
                    {
                        var line = (IXmlLineInfo)scan;
                        throw new FatalImportException(
                            $"{location}({line.LineNumber},{line.LinePosition}): elements nest deeper than {maxNestingDepth} levels (WsdlImportOptions.MaxNestingDepth).");
                    }
                }
            }

            using var reader = XmlReader.Create(new MemoryStream(bytes, 0, length, writable: false), settings);
            return XDocument.Load(reader, LoadOptions.SetLineInfo);
        }
        catch (XmlException e) when (e.Message.Contains("DTD", StringComparison.Ordinal))
        {
            throw new FatalImportException(
                $"{location}({e.LineNumber},{e.LinePosition}): a DTD is not allowed in a WSDL or schema (it could expand entities or reach other files).");
        }
        catch (XmlException e)
        {
            throw new XmlException($"{location}({e.LineNumber},{e.LinePosition}): not well-formed XML: {e.Message}", e, e.LineNumber, e.LinePosition);
        }
    }
}
