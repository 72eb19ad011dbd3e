using System.Text.Json;
using SoapMiddleware.Client.Calls;
using SoapMiddleware.Client.Hosting;
using SoapMiddleware.Client.Wsdl;
using SoapMiddleware.Client.Wsdl.Caching;
using SoapMiddleware.Client.Wsdl.Reading;

namespace SoapMiddleware.Client.Tests.Dynamic;

/// <summary>
/// What the mapping to a client's description cannot use is reported at its line: an element of an undeclared type at
/// the element, a type whose attributes are not mapped at the type, an operation's part at its binding operation; the
/// same from a description read back from the disk cache; and <c>soapmw inspect</c> prints them with the import's.
/// </summary>
public sealed class MappingWarningLocationTests : IDisposable
{
    private const string Text = """
        <?xml version="1.0" encoding="utf-8"?>
        <wsdl:definitions xmlns:wsdl="http://schemas.xmlsoap.org/wsdl/" xmlns:soap="http://schemas.xmlsoap.org/wsdl/soap/"
            xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tns="urn:test" targetNamespace="urn:test">
          <wsdl:types>
            <xs:schema targetNamespace="urn:test" elementFormDefault="qualified">
              <xs:element name="person" type="tns:Person"/>
              <xs:complexType name="Person">
                <xs:sequence>
                  <xs:element name="name" type="xs:string"/>
                  <xs:element name="home" type="tns:Nowhere"/>
                  <xs:element name="height" type="tns:Measure"/>
                </xs:sequence>
              </xs:complexType>
              <xs:complexType name="Measure">
                <xs:simpleContent><xs:extension base="xs:decimal"><xs:attribute name="unit" type="xs:string"/></xs:extension></xs:simpleContent>
              </xs:complexType>
            </xs:schema>
          </wsdl:types>
          <wsdl:message name="LookupIn"><wsdl:part name="key" type="xs:string"/></wsdl:message>
          <wsdl:message name="LookupOut"><wsdl:part name="person" element="tns:person"/></wsdl:message>
          <wsdl:portType name="People">
            <wsdl:operation name="Lookup"><wsdl:input message="tns:LookupIn"/><wsdl:output message="tns:LookupOut"/></wsdl:operation>
          </wsdl:portType>
          <wsdl:binding name="PeopleSoap" type="tns:People">
            <soap:binding style="document" transport="http://schemas.xmlsoap.org/soap/http"/>
            <wsdl:operation name="Lookup">
              <soap:operation soapAction="urn:test#Lookup"/>
              <wsdl:input><soap:body use="literal"/></wsdl:input>
              <wsdl:output><soap:body use="literal"/></wsdl:output>
            </wsdl:operation>
          </wsdl:binding>
          <wsdl:service name="PeopleService">
            <wsdl:port name="PeopleSoap" binding="tns:PeopleSoap"><soap:address location="http://127.0.0.1:9/people"/></wsdl:port>
          </wsdl:service>
        </wsdl:definitions>
        """;

    private readonly string _directory = Directory.CreateTempSubdirectory("soapmw-mapping-lines-").FullName;

    public MappingWarningLocationTests() => File.WriteAllText(FilePath, Text);

    private string FilePath => Path.Combine(_directory, "people.wsdl");

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task FromWsdlAsync_UnsupportedConstructs_WarnedAtTheirDocumentLineAndColumn()
    {
        var client = await RpcClient.FromWsdlAsync(new Uri(FilePath));

        AssertWarnedAtTheirLines(client.Warnings, new Uri(FilePath));
    }

    [Fact]
    public async Task FromWsdl_DescriptionReadBackFromTheCacheFormat_WarnsAtTheSameLines()
    {
        var parsed = await new WsdlImporter(new WsdlImportOptions { Cache = null }).ImportAsync(new Uri(FilePath));
        var entry = new CacheEntry("key", [new DocumentFingerprint(parsed.Location, new byte[32])], parsed);

        var back = EntryFormat.Read(EntryFormat.Write(entry), "key").Description;

        var expected = RpcClient.FromWsdl(parsed).Warnings;
        Assert.Equal(expected, RpcClient.FromWsdl(back).Warnings);
        AssertWarnedAtTheirLines(expected, new Uri(FilePath));
    }

    [Fact]
    public async Task SoapmwInspect_PrintsTheMappingWarningsWithTheirLines()
    {
        var (exitCode, output, error) = await SoapmwAsync("inspect", FilePath);
        var (jsonExit, json, jsonError) = await SoapmwAsync("inspect", FilePath, "--json");

        Assert.True(exitCode == 0, error);
        var (line, column) = Where("name=\"home\"");
        Assert.Contains($"{new Uri(FilePath)}({line},{column}): The type 'urn:test:Nowhere' is not declared", output, StringComparison.Ordinal);
        Assert.True(jsonExit == 0, jsonError);
        using var document = JsonDocument.Parse(json);
        var warnings = document.RootElement.GetProperty("warnings").EnumerateArray().ToList();
        var measure = Assert.Single(warnings, w => w.GetProperty("message").GetString()!.Contains("urn:test:Measure", StringComparison.Ordinal));
        Assert.Equal(Where("name=\"Measure\"").Line, measure.GetProperty("line").GetInt32());
        Assert.Equal(new Uri(FilePath).ToString(), measure.GetProperty("document").GetString());
    }

    private static void AssertWarnedAtTheirLines(IReadOnlyList<WsdlWarning> warnings, Uri document)
    {
        Assert.All(warnings, w => Assert.Equal(document, w.Document));
        Assert.Equal(Where("name=\"home\""), At(warnings, "'urn:test:Nowhere' is not declared"));
        Assert.Equal(Where("<xs:complexType name=\"Measure\""), At(warnings, "'urn:test:Measure' has simple content with attributes"));
        // The binding's operation (the second "Lookup"), not the port type's.
        var binding = Text.Split('\n').Select((l, i) => (Line: l, Number: i + 1)).Where(l => l.Line.Contains("<wsdl:operation name=\"Lookup\"", StringComparison.Ordinal)).Last();
        Assert.Equal(binding.Number, At(warnings, "The part 'key' of 'Lookup'").Line);
    }

    private static (int Line, int Column) At(IReadOnlyList<WsdlWarning> warnings, string message)
    {
        var warning = Assert.Single(warnings, w => w.Message.Contains(message, StringComparison.Ordinal));
        return (warning.Line, warning.Column);
    }

    // The line of the first element whose start tag holds the marker (1-based), and its column as XmlReader gives it:
    // that of the element's name, one after the '<'.
    private static (int Line, int Column) Where(string marker)
    {
        var lines = Text.Split('\n');
        var index = Array.FindIndex(lines, l => l.Contains(marker, StringComparison.Ordinal));
        var tag = lines[index][..(lines[index].IndexOf(marker, StringComparison.Ordinal) + 1)].LastIndexOf('<');
        return (index + 1, tag + 2);
    }

    private static Task<(int ExitCode, string Output, string Error)> SoapmwAsync(params string[] arguments)
        => ChildProcess.RunAsync("dotnet", [Path.Combine(AppContext.BaseDirectory, "soapmw.dll"), .. arguments]);
}
