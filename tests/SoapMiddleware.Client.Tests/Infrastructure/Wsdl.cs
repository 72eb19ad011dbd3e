using SoapMiddleware.Client.Wsdl;

namespace SoapMiddleware.Client.Tests.Infrastructure;

/// <summary>Small WSDLs for tests: a definitions element with the usual prefixes around the given content.</summary>
internal static class Wsdl
{
    public const string Tns = "urn:test";
    public const string Main = "mem://test/main.wsdl";

    public static string Definitions(string content, string extraNamespaces = "") => $"""
        <wsdl:definitions xmlns:wsdl="http://schemas.xmlsoap.org/wsdl/" xmlns:soap="http://schemas.xmlsoap.org/wsdl/soap/"
            xmlns:soap12="http://schemas.xmlsoap.org/wsdl/soap12/" xmlns:xs="http://www.w3.org/2001/XMLSchema"
            xmlns:soapenc="http://schemas.xmlsoap.org/soap/encoding/" xmlns:tns="{Tns}" targetNamespace="{Tns}" {extraNamespaces}>
        {content}
        </wsdl:definitions>
        """;

    public static string Types(string schemaContent) => $"""
        <wsdl:types>
          <xs:schema targetNamespace="{Tns}" elementFormDefault="qualified">{schemaContent}</xs:schema>
        </wsdl:types>
        """;

    /// <summary>Imports <paramref name="wsdl"/> as <see cref="Main"/> (plus any other documents) from memory.</summary>
    public static Task<WsdlDescription> ImportAsync(string wsdl, MemoryResolver? resolver = null, WsdlImportOptions? options = null)
    {
        resolver ??= new MemoryResolver();
        resolver.Add(Main, wsdl);
        options ??= new WsdlImportOptions();
        options.Resolver = resolver;
        return new WsdlImporter(options).ImportAsync(new Uri(Main));
    }
}
