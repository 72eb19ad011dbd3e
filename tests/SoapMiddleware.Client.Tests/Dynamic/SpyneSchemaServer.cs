namespace SoapMiddleware.Client.Tests.Dynamic;

/// <summary>The Spyne service of <c>Interop/spyne_schema_server.py</c>: AnyXml, an xs:any wildcard, SOAP headers and class inheritance.</summary>
public sealed class SpyneSchemaServer : SpyneServer
{
    public SpyneSchemaServer()
        : base("spyne_schema_server.py")
    {
    }
}
