using System.Text;
using System.Xml;
using System.Xml.Linq;
using SoapMiddleware.Interface.Wsdl;

namespace SoapMiddleware.Interface;

/// <summary>
/// An application's interface documents, built once on first use and cached as bytes (Spyne's
/// <c>get_interface_document</c>). The WSDL is cached with a placeholder address so one build serves
/// every host name a request may arrive on.
/// </summary>
internal sealed class InterfaceDocuments
{
    private const string AddressPlaceholder = "urn:soapmiddleware:address-placeholder";
    private readonly Lazy<string> _wsdl;
    private readonly Lazy<byte[]> _xsd;

    public InterfaceDocuments(RpcApplication application)
    {
        var schema = new Lazy<XElement>(() => WsdlBuilder.BuildSchema(application));
        _wsdl = new Lazy<string>(() => Serialize(WsdlBuilder.Build(application, new XElement(schema.Value), AddressPlaceholder)));
        _xsd = new Lazy<byte[]>(() => Encoding.UTF8.GetBytes(Serialize(new XDocument(schema.Value))));
    }

    /// <summary>The WSDL with <paramref name="address"/> in every <c>soap:address</c>.</summary>
    public byte[] GetWsdl(string address)
        => Encoding.UTF8.GetBytes(_wsdl.Value.Replace(AddressPlaceholder, System.Security.SecurityElement.Escape(address), StringComparison.Ordinal));

    /// <summary>The XSD alone.</summary>
    public byte[] GetXsd() => _xsd.Value;

    private static string Serialize(XDocument document)
    {
        var builder = new StringBuilder();
        using (var writer = XmlWriter.Create(builder, new XmlWriterSettings { Indent = true, OmitXmlDeclaration = true }))
        {
            document.Save(writer);
        }

        return "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n" + builder;
    }
}
