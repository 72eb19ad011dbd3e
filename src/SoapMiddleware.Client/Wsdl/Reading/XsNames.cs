using System.Xml.Linq;
using SoapMiddleware.Client.Wsdl.Schema;

namespace SoapMiddleware.Client.Wsdl.Reading;

/// <summary>Tests for XML Schema element names, in the 2001 namespace and its 1999 and 2000/10 drafts.</summary>
internal static class XsNames
{
    public static bool Is(XElement element, string localName) =>
        element.Name.LocalName == localName && XsdNames.IsXsd(element.Name.NamespaceName);

    public static bool IsSchema(XElement element) => Is(element, "schema");
}
