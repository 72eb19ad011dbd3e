using System.Xml;
using System.Xml.Linq;

namespace SoapMiddleware.Client.Wsdl.Reading;

/// <summary>Collects the warnings of one import, each with the document and line of the node it is about.</summary>
internal sealed class WarningSink
{
    private readonly List<WsdlWarning> _warnings = [];

    public IReadOnlyList<WsdlWarning> Warnings => _warnings;

    public void Add(string message, Uri document, XObject? node)
    {
        var line = node as IXmlLineInfo;
        _warnings.Add(new WsdlWarning(message, document, line?.LineNumber ?? 0, line?.LinePosition ?? 0));
    }
}
