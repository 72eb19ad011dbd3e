namespace SoapMiddleware.Client.Wsdl;

/// <summary>The protocol a <c>wsdl:binding</c> binds its port type to.</summary>
public enum WsdlBindingProtocol
{
    /// <summary>A binding with no extension this importer knows (its operations are still listed).</summary>
    Other,

    /// <summary>SOAP 1.1 (<c>http://schemas.xmlsoap.org/wsdl/soap/</c>).</summary>
    Soap11,

    /// <summary>SOAP 1.2 (<c>http://schemas.xmlsoap.org/wsdl/soap12/</c>).</summary>
    Soap12,

    /// <summary>WSDL's HTTP binding with <c>verb="GET"</c>.</summary>
    HttpGet,

    /// <summary>WSDL's HTTP binding with <c>verb="POST"</c>.</summary>
    HttpPost,
}
