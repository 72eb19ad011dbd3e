using System.Xml.Linq;

namespace SoapMiddleware.Client.Wsdl.Reading;

/// <summary>The WSDL 1.1 and binding-extension namespaces and the element names the readers look for.</summary>
internal static class WsdlNames
{
    public static readonly XNamespace Wsdl = "http://schemas.xmlsoap.org/wsdl/";
    public static readonly XNamespace Soap11 = "http://schemas.xmlsoap.org/wsdl/soap/";
    public static readonly XNamespace Soap12 = "http://schemas.xmlsoap.org/wsdl/soap12/";
    public static readonly XNamespace Http = "http://schemas.xmlsoap.org/wsdl/http/";

    public static readonly XName Definitions = Wsdl + "definitions";
    public static readonly XName Types = Wsdl + "types";
    public static readonly XName Import = Wsdl + "import";
    public static readonly XName Message = Wsdl + "message";
    public static readonly XName Part = Wsdl + "part";
    public static readonly XName PortType = Wsdl + "portType";
    public static readonly XName Binding = Wsdl + "binding";
    public static readonly XName Service = Wsdl + "service";
    public static readonly XName Port = Wsdl + "port";
    public static readonly XName Operation = Wsdl + "operation";
    public static readonly XName Input = Wsdl + "input";
    public static readonly XName Output = Wsdl + "output";
    public static readonly XName Fault = Wsdl + "fault";
    public static readonly XName ArrayType = Wsdl + "arrayType";
    public static readonly XName Required = Wsdl + "required";
}
