using System.Net;
using System.Xml;
using SoapMiddleware.Client.Wsdl;

namespace SoapMiddleware.Client.Tests.Wsdl;

/// <summary>wsdl:import, xsd:import and xsd:include of relative files, and URLs only where the resolver allows them.</summary>
public sealed class ImportResolutionTests : IDisposable
{
    private const string Xs = "http://www.w3.org/2001/XMLSchema";
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("soapmw-wsdl-");

    public void Dispose() => _directory.Delete(recursive: true);

    private Uri Write(string relativePath, string text)
    {
        var path = Path.Combine(_directory.FullName, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return new Uri(path);
    }

    private Uri WriteLayout(string remoteImport = "")
    {
        // main.wsdl → wsdl/port.wsdl (wsdl:import) → ../xsd/types.xsd (xsd:import) → common.xsd (chameleon xsd:include)
        Write("xsd/common.xsd", $"""<xs:schema xmlns:xs="{Xs}"><xs:simpleType name="Code"><xs:restriction base="xs:string"/></xs:simpleType></xs:schema>""");
        Write("xsd/types.xsd", $"""
            <xs:schema xmlns:xs="{Xs}" xmlns:t="urn:types" targetNamespace="urn:types" elementFormDefault="qualified">
              <xs:include schemaLocation="common.xsd"/>
              <xs:element name="Lookup"><xs:complexType><xs:sequence><xs:element name="code" type="t:Code"/></xs:sequence></xs:complexType></xs:element>
            </xs:schema>
            """);
        Write("wsdl/port.wsdl", Infrastructure.Wsdl.Definitions($"""
            <wsdl:types><xs:schema targetNamespace="urn:test"><xs:import namespace="urn:types" schemaLocation="../xsd/types.xsd"/>{remoteImport}</xs:schema></wsdl:types>
            <wsdl:message name="In"><wsdl:part name="parameters" element="t:Lookup"/></wsdl:message>
            <wsdl:portType name="P"><wsdl:operation name="Lookup"><wsdl:input message="tns:In"/></wsdl:operation></wsdl:portType>
            <wsdl:binding name="B" type="tns:P"><soap:binding style="document"/><wsdl:operation name="Lookup"><wsdl:input><soap:body use="literal"/></wsdl:input></wsdl:operation></wsdl:binding>
            """, "xmlns:t=\"urn:types\""));
        return Write("main.wsdl", Infrastructure.Wsdl.Definitions("""
            <wsdl:import namespace="urn:test" location="wsdl/port.wsdl"/>
            <wsdl:service name="S"><wsdl:port name="P" binding="tns:B"><soap:address location="http://host/s"/></wsdl:port></wsdl:service>
            """));
    }

    [Fact]
    public async Task RelativeImports_WsdlImportXsdImportAndChameleonInclude_AllRead()
    {
        var main = WriteLayout();

        var description = await new WsdlImporter().ImportAsync(main);

        Assert.Empty(description.Warnings);
        Assert.Equal(4, description.Documents.Count);
        var operation = description.Services.Single().Ports.Single().Operations.Single();
        Assert.True(operation.IsWrapped);
        Assert.Equal(new XmlQualifiedName("Lookup", "urn:types"), operation.Input!.Body.Single().Element);
        // The included schema has no namespace of its own: it takes the includer's.
        Assert.True(description.Schemas.Types.ContainsKey(new XmlQualifiedName("Code", "urn:types")));
    }

    [Fact]
    public async Task FileResolver_RemoteImport_WarnedNotFetched_RestRead()
    {
        var main = WriteLayout("""<xs:import namespace="urn:remote" schemaLocation="http://example.invalid/remote.xsd"/>""");

        var description = await new WsdlImporter().ImportAsync(main);

        var warning = Assert.Single(description.Warnings);
        Assert.Contains("http://example.invalid/remote.xsd is not a local file", warning.Message, StringComparison.Ordinal);
        Assert.EndsWith("port.wsdl", warning.Document.LocalPath, StringComparison.Ordinal);
        Assert.Single(description.Services.Single().Ports.Single().Operations);
    }

    [Fact]
    public async Task HttpResolver_DownloadsOnlyWhatAllowAccepts()
    {
        var main = WriteLayout("""
            <xs:import namespace="urn:ok" schemaLocation="http://allowed.test/ok.xsd"/><xs:import namespace="urn:no" schemaLocation="http://denied.test/no.xsd"/>
            """);
        var handler = new StubHandler($"""<xs:schema xmlns:xs="{Xs}" targetNamespace="urn:ok"><xs:element name="Ok" type="xs:int"/></xs:schema>""");
        using var http = new HttpClient(handler);
        var resolver = new HttpDocumentResolver(http, uri => uri.Host == "allowed.test");

        var description = await new WsdlImporter(new WsdlImportOptions { Resolver = resolver }).ImportAsync(main);

        Assert.Equal([new Uri("http://allowed.test/ok.xsd")], handler.Requested);
        Assert.True(description.Schemas.Elements.ContainsKey(new XmlQualifiedName("Ok", "urn:ok")));
        Assert.Contains("downloading http://denied.test/no.xsd is not allowed", Assert.Single(description.Warnings).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MainDocumentMissing_ClearErrorNamingIt()
    {
        var missing = new Uri(Path.Combine(_directory.FullName, "absent.wsdl"));

        var error = await Assert.ThrowsAsync<WsdlImportException>(() => new WsdlImporter().ImportAsync(missing));

        Assert.StartsWith($"cannot read {missing}", error.Message, StringComparison.Ordinal);
    }

    private sealed class StubHandler(string body) : HttpMessageHandler
    {
        public List<Uri> Requested { get; } = [];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Requested.Add(request.RequestUri!);
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body) });
        }
    }
}
