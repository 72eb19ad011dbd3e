using System.Text;
using SoapMiddleware.Client.Tests.Infrastructure;
using SoapMiddleware.Client.Wsdl;

namespace SoapMiddleware.Client.Tests.Wsdl;

/// <summary>Hostile or runaway documents: each fails with an error that names the problem, quickly and in bounded memory.</summary>
[Collection(TimingCollection.Name)]
public sealed class HostileDocumentTests
{
    private static readonly TimeSpan Quick = TimeSpan.FromSeconds(2);

    private static async Task<WsdlImportException> FailsQuicklyAsync(string wsdl, MemoryResolver? resolver = null, WsdlImportOptions? options = null)
    {
        var clock = CpuClock.StartNew();
        var error = await Assert.ThrowsAsync<WsdlImportException>(() => Infrastructure.Wsdl.ImportAsync(wsdl, resolver, options));
        Assert.True(clock.Elapsed < Quick, $"took {clock}");
        return error;
    }

    [Fact]
    public async Task EntityExpansion_BillionLaughs_RefusedAsDtd()
    {
        var laughs = new StringBuilder("<!DOCTYPE d [<!ENTITY l0 \"ha\">");
        for (var i = 1; i < 10; i++)
        {
            laughs.Append($"<!ENTITY l{i} \"{string.Concat(Enumerable.Repeat($"&l{i - 1};", 10))}\">");
        }

        laughs.Append("]>").Append(Infrastructure.Wsdl.Definitions("<wsdl:documentation>&l9;</wsdl:documentation>"));

        var error = await FailsQuicklyAsync(laughs.ToString());

        Assert.Contains("a DTD is not allowed", error.Message, StringComparison.Ordinal);
        Assert.Contains(Infrastructure.Wsdl.Main, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExternalEntity_RefusedAsDtd_FileNeverRead()
    {
        var wsdl = "<!DOCTYPE d [<!ENTITY secret SYSTEM \"file:///etc/passwd\">]>"
            + Infrastructure.Wsdl.Definitions("<wsdl:documentation>&secret;</wsdl:documentation>");
        var resolver = new MemoryResolver();

        var error = await FailsQuicklyAsync(wsdl, resolver);

        Assert.Contains("a DTD is not allowed", error.Message, StringComparison.Ordinal);
        Assert.Equal([new Uri(Infrastructure.Wsdl.Main)], resolver.Requested);
    }

    [Fact]
    public async Task DeepNesting_PastLimit_ClearError()
    {
        const int depth = 100_000;
        var wsdl = Infrastructure.Wsdl.Definitions(
            "<wsdl:documentation>" + string.Concat(Enumerable.Repeat("<a>", depth)) + string.Concat(Enumerable.Repeat("</a>", depth)) + "</wsdl:documentation>");

        var error = await FailsQuicklyAsync(wsdl);

        Assert.Contains("nest deeper than 256 levels", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HugeDocument_PastByteLimit_ClearErrorWithoutReadingIt()
    {
        var wsdl = Infrastructure.Wsdl.Definitions(string.Concat(Enumerable.Repeat("<wsdl:message name=\"m\"/>", 100_000)));

        var error = await FailsQuicklyAsync(wsdl, options: new WsdlImportOptions { MaxDocumentBytes = 1024 * 1024 });

        Assert.Contains("exceeds 1048576 bytes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HugeCounts_ManyOperationsWithinLimits_ImportedQuickly()
    {
        const int count = 20_000;
        var content = new StringBuilder("<wsdl:message name=\"m\"><wsdl:part name=\"p\" type=\"xs:string\"/></wsdl:message><wsdl:portType name=\"P\">");
        for (var i = 0; i < count; i++)
        {
            content.Append($"<wsdl:operation name=\"op{i}\"><wsdl:input message=\"tns:m\"/></wsdl:operation>");
        }

        content.Append("</wsdl:portType><wsdl:binding name=\"B\" type=\"tns:P\"><soap:binding style=\"rpc\"/>");
        for (var i = 0; i < count; i++)
        {
            content.Append($"<wsdl:operation name=\"op{i}\"><wsdl:input><soap:body use=\"literal\"/></wsdl:input></wsdl:operation>");
        }

        content.Append("</wsdl:binding><wsdl:service name=\"S\"><wsdl:port name=\"P\" binding=\"tns:B\"/></wsdl:service>");

        var clock = CpuClock.StartNew();
        var description = await Infrastructure.Wsdl.ImportAsync(Infrastructure.Wsdl.Definitions(content.ToString()));

        Assert.True(clock.Elapsed < Quick, $"took {clock}");
        Assert.Equal(count, description.Services[0].Ports[0].Operations.Count);
    }

    [Fact]
    public async Task TooManyDocuments_PastLimit_ClearError()
    {
        var resolver = new MemoryResolver();
        var imports = new StringBuilder();
        for (var i = 0; i < 20; i++)
        {
            imports.Append($"<wsdl:import namespace=\"urn:x{i}\" location=\"x{i}.xsd\"/>");
            resolver.Add($"mem://test/x{i}.xsd", $"<xs:schema xmlns:xs=\"http://www.w3.org/2001/XMLSchema\" targetNamespace=\"urn:x{i}\"/>");
        }

        var error = await FailsQuicklyAsync(Infrastructure.Wsdl.Definitions(imports.ToString()), resolver, new WsdlImportOptions { MaxDocuments = 10 });

        Assert.Contains("more than 10 documents", error.Message, StringComparison.Ordinal);
        Assert.Equal(10, resolver.Requested.Count);
    }

    [Fact]
    public async Task ImportChain_PastDepthLimit_ClearError()
    {
        var resolver = new MemoryResolver();
        for (var i = 0; i < 40; i++)
        {
            resolver.Add($"mem://test/s{i}.xsd", $"""<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:s{i}"><xs:import namespace="urn:s{i + 1}" schemaLocation="s{i + 1}.xsd"/></xs:schema>""");
        }

        var error = await FailsQuicklyAsync(
            Infrastructure.Wsdl.Definitions("<wsdl:import namespace=\"urn:s0\" location=\"s0.xsd\"/>"), resolver, new WsdlImportOptions { MaxImportDepth = 8 });

        Assert.Contains("imports nest deeper than 8 documents", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportCycle_EachDocumentReadOnce()
    {
        var resolver = new MemoryResolver()
            .Add("mem://test/a.xsd", """<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:a"><xs:import namespace="urn:b" schemaLocation="b.xsd"/><xs:element name="A" type="xs:int"/></xs:schema>""")
            .Add("mem://test/b.xsd", """<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:b"><xs:import namespace="urn:a" schemaLocation="a.xsd"/><xs:element name="B" type="xs:int"/></xs:schema>""");

        var description = await Infrastructure.Wsdl.ImportAsync(
            Infrastructure.Wsdl.Definitions("""<wsdl:types><xs:schema><xs:import namespace="urn:a" schemaLocation="a.xsd"/></xs:schema></wsdl:types>"""), resolver);

        Assert.Equal(3, resolver.Requested.Count);
        Assert.Equal(["A", "B"], description.Schemas.Elements.Keys.Select(k => k.Name).Order());
    }

    [Fact]
    public async Task ImportWithDtd_FailsTheWholeImport()
    {
        var resolver = new MemoryResolver().Add("mem://test/evil.xsd", "<!DOCTYPE s [<!ENTITY x \"y\">]><s/>");

        var error = await FailsQuicklyAsync(Infrastructure.Wsdl.Definitions("<wsdl:import namespace=\"urn:e\" location=\"evil.xsd\"/>"), resolver);

        Assert.Contains("mem://test/evil.xsd", error.Message, StringComparison.Ordinal);
        Assert.Contains("a DTD is not allowed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MalformedImport_Warned_RestImported()
    {
        var resolver = new MemoryResolver().Add("mem://test/broken.xsd", "<xs:schema xmlns:xs=\"http://www.w3.org/2001/XMLSchema\"><unclosed></xs:schema>");
        var wsdl = Infrastructure.Wsdl.Definitions("<wsdl:import namespace=\"urn:e\" location=\"broken.xsd\"/>" + Infrastructure.Wsdl.Types("<xs:element name=\"Fine\" type=\"xs:int\"/>"));

        var description = await Infrastructure.Wsdl.ImportAsync(wsdl, resolver);

        var warning = Assert.Single(description.Warnings);
        Assert.Contains("import of broken.xsd skipped", warning.Message, StringComparison.Ordinal);
        Assert.Contains("not well-formed", warning.Message, StringComparison.Ordinal);
        Assert.Equal(4, warning.Line);
        Assert.Single(description.Schemas.Elements);
    }
}
