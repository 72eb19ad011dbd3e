using System.Xml;

namespace SoapMiddleware.Client.Wsdl.Schema;

/// <summary>The namespaces whose types are built in: XML Schema (2001 and its 1999/2000 drafts), SOAP encoding, XML.</summary>
public static class XsdNames
{
    /// <summary>XML Schema's namespace.</summary>
    public const string Xsd = "http://www.w3.org/2001/XMLSchema";

    /// <summary>SOAP 1.1 encoding's namespace (<c>soapenc:Array</c>, <c>soapenc:string</c>, ...).</summary>
    public const string SoapEncoding = "http://schemas.xmlsoap.org/soap/encoding/";

    /// <summary>SOAP 1.2 encoding's namespace.</summary>
    public const string Soap12Encoding = "http://www.w3.org/2003/05/soap-encoding";

    /// <summary>The <c>xml:</c> namespace (<c>xml:lang</c>).</summary>
    public const string Xml = "http://www.w3.org/XML/1998/namespace";

    /// <summary>The <c>xs:anyType</c> name.</summary>
    public static readonly XmlQualifiedName AnyType = new("anyType", Xsd);

    /// <summary>Whether <paramref name="ns"/> is XML Schema's namespace, including its 1999 and 2000/10 drafts.</summary>
    public static bool IsXsd(string ns) =>
        ns is Xsd or "http://www.w3.org/1999/XMLSchema" or "http://www.w3.org/2000/10/XMLSchema";

    /// <summary>Whether a type name is built in (any name in the XSD, SOAP encoding or XML namespaces).</summary>
    public static bool IsBuiltIn(XmlQualifiedName name) =>
        IsXsd(name.Namespace) || name.Namespace is SoapEncoding or Soap12Encoding or Xml;
}
