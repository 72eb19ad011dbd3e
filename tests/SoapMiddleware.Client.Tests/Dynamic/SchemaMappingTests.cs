using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using SoapMiddleware.Client.Calls;
using SoapMiddleware.Client.Hosting;
using SoapMiddleware.Client.Tests.Infrastructure;
using SoapMiddleware.Description;
using SoapMiddleware.Description.Schema;

namespace SoapMiddleware.Client.Tests.Dynamic;

/// <summary>
/// The schema constructs a WSDL's types map from, each written and read back: a mirror on Kestrel answers a call with
/// the request's own envelope, and the bare operation's input and output are one element, so the result must equal
/// what was sent (extension, attributes, enumeration, restriction, choice, all, repeated and anonymous elements, element
/// refs, nillable, binary, dates). An xs:any wildcard is a member of its own (AnyXmlMappingTests), not a warning.
/// </summary>
public sealed class SchemaMappingTests : IAsyncLifetime
{
    private const string Schema = """
        <xs:complexType name="Base">
          <xs:sequence><xs:element name="id" type="xs:int"/></xs:sequence>
          <xs:attribute name="version" type="xs:string"/>
        </xs:complexType>
        <xs:simpleType name="Color"><xs:restriction base="xs:string"><xs:enumeration value="Red"/><xs:enumeration value="Green"/></xs:restriction></xs:simpleType>
        <xs:simpleType name="Code"><xs:restriction base="xs:string"><xs:maxLength value="5"/></xs:restriction></xs:simpleType>
        <xs:simpleType name="Small"><xs:restriction base="xs:short"><xs:maxInclusive value="99"/></xs:restriction></xs:simpleType>
        <xs:complexType name="Shape">
          <xs:complexContent>
            <xs:extension base="tns:Base">
              <xs:sequence>
                <xs:element name="color" type="tns:Color"/>
                <xs:element name="code" type="tns:Code" minOccurs="0"/>
                <xs:element name="size" type="tns:Small"/>
                <xs:choice><xs:element name="radius" type="xs:double"/><xs:element name="side" type="xs:double"/></xs:choice>
                <xs:element name="point" maxOccurs="unbounded">
                  <xs:complexType><xs:all><xs:element name="x" type="xs:int"/><xs:element name="y" type="xs:int"/></xs:all></xs:complexType>
                </xs:element>
                <xs:element ref="tns:note" minOccurs="0"/>
                <xs:element name="label" type="xs:string" nillable="true"/>
                <xs:element name="data" type="xs:base64Binary" minOccurs="0"/>
                <xs:element name="day" type="xs:date" minOccurs="0"/>
                <xs:element name="big" type="xs:integer" minOccurs="0"/>
              </xs:sequence>
              <xs:attribute name="kind" type="tns:Color" use="required"/>
            </xs:extension>
          </xs:complexContent>
        </xs:complexType>
        <xs:complexType name="Open"><xs:sequence><xs:element name="name" type="xs:string"/><xs:any minOccurs="0"/></xs:sequence></xs:complexType>
        <xs:element name="note" type="xs:string"/>
        <xs:element name="shape" type="tns:Shape"/>
        <xs:element name="open" type="tns:Open"/>
        """;

    private KestrelApp? _mirror;

    public async Task InitializeAsync()
    {
        var builder = KestrelApp.CreateBuilder();
        var app = builder.Build();
        app.MapPost("/mirror", async (HttpContext context) =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body);
            return Results.Bytes(body.ToArray(), context.Request.ContentType);
        });
        _mirror = await KestrelApp.StartAsync(app);
    }

    public async Task DisposeAsync()
    {
        if (_mirror is not null)
        {
            await _mirror.DisposeAsync();
        }
    }

    [Theory]
    [InlineData("soap")]
    [InlineData("soap12")]
    public async Task BareMirror_EveryConstruct_ReadsBackWhatWasSent(string binding)
    {
        var client = await ClientAsync(binding);
        var points = new[] { new { x = 1, y = 2 }, new { x = 3, y = 4 } };

        var result = Assert.IsType<RpcRecord>(await client.CallAsync("Mirror", new
        {
            version = "v1", id = 7L, color = "Green", code = "AB", size = "12", side = 2.5, point = points,
            note = "a note", label = (string?)null, data = new byte[] { 1, 2, 3 }, day = new DateOnly(2024, 2, 29), big = 12345678901L, kind = "Red",
        }));

        Assert.Equal(["id", "version", "color", "code", "size", "side", "point", "note", "label", "data", "day", "big", "kind"], result.Keys);
        Assert.Equal(7, result["id"]);
        Assert.Equal("v1", result["version"]);
        Assert.Equal("Green", result["color"]);
        Assert.Equal((short)12, result["size"]);
        Assert.Equal(2.5, result["side"]);
        Assert.False(result.ContainsKey("radius"));
        var read = Assert.IsAssignableFrom<IReadOnlyList<object?>>(result["point"]);
        Assert.Equal(new RpcRecord([new("x", 3), new("y", 4)]), read[1]);
        Assert.Equal("a note", result["note"]);
        Assert.Null(result["label"]);
        Assert.Equal(new byte[] { 1, 2, 3 }, result["data"]);
        Assert.Equal(new DateOnly(2024, 2, 29), result["day"]);
        Assert.Equal(12345678901L, result["big"]);
        Assert.Equal("Red", result["kind"]);
    }

    [Fact]
    public async Task Mapping_TypesAndWarnings_AsTheSchemaDeclaresThem()
    {
        var client = await ClientAsync("soap");

        var part = Assert.Single(client.Description.FindOperation("Mirror")!.Schema!.RequestParts);
        var shape = part.Type;
        Assert.Equal(SchemaTypeKind.Complex, shape.Kind);
        Assert.Equal(typeof(RpcRecord), shape.ClrType);
        Assert.Equal(["Red", "Green"], shape.Members.Single(m => m.Name.LocalName == "color").Type.EnumerationValues);
        Assert.Equal(typeof(short), shape.Members.Single(m => m.Name.LocalName == "size").Type.ClrType);
        Assert.True(shape.Members.Single(m => m.Name.LocalName == "radius").IsOptional);
        Assert.True(shape.Members.Single(m => m.Name.LocalName == "point").IsRepeated);
        Assert.True(shape.Members.Single(m => m.Name.LocalName == "kind").IsAttribute);
        Assert.False(shape.Members.Single(m => m.Name.LocalName == "kind").IsOptional);

        Assert.Empty(client.Warnings);
        Assert.Equal<object?>(new RpcRecord([new("name", "n")]), await client.CallAsync("Peek", new { name = "n" }));
    }

    private async Task<RpcClient> ClientAsync(string binding)
    {
        var soapNs = binding == "soap" ? "http://schemas.xmlsoap.org/wsdl/soap/" : "http://schemas.xmlsoap.org/wsdl/soap12/";
        var wsdl = await Infrastructure.Wsdl.ImportAsync(Infrastructure.Wsdl.Definitions($$"""
            {{Infrastructure.Wsdl.Types(Schema)}}
            <wsdl:message name="ShapeMessage"><wsdl:part name="shape" element="tns:shape"/></wsdl:message>
            <wsdl:message name="OpenMessage"><wsdl:part name="open" element="tns:open"/></wsdl:message>
            <wsdl:portType name="MirrorPortType">
              <wsdl:operation name="Mirror"><wsdl:input message="tns:ShapeMessage"/><wsdl:output message="tns:ShapeMessage"/></wsdl:operation>
              <wsdl:operation name="Peek"><wsdl:input message="tns:OpenMessage"/><wsdl:output message="tns:OpenMessage"/></wsdl:operation>
            </wsdl:portType>
            <wsdl:binding name="MirrorBinding" type="tns:MirrorPortType">
              <b:binding xmlns:b="{{soapNs}}" style="document" transport="http://schemas.xmlsoap.org/soap/http"/>
              <wsdl:operation name="Mirror"><b:operation xmlns:b="{{soapNs}}" soapAction="urn:test:Mirror"/>
                <wsdl:input><b:body xmlns:b="{{soapNs}}" use="literal"/></wsdl:input><wsdl:output><b:body xmlns:b="{{soapNs}}" use="literal"/></wsdl:output></wsdl:operation>
              <wsdl:operation name="Peek"><b:operation xmlns:b="{{soapNs}}" soapAction="urn:test:Peek"/>
                <wsdl:input><b:body xmlns:b="{{soapNs}}" use="literal"/></wsdl:input><wsdl:output><b:body xmlns:b="{{soapNs}}" use="literal"/></wsdl:output></wsdl:operation>
            </wsdl:binding>
            <wsdl:service name="MirrorService">
              <wsdl:port name="MirrorPort" binding="tns:MirrorBinding"><b:address xmlns:b="{{soapNs}}" location="{{_mirror!.Url("/mirror")}}"/></wsdl:port>
            </wsdl:service>
            """));
        var client = RpcClient.FromWsdl(wsdl, new RpcClientOptions());
        Assert.Equal(binding == "soap" ? "soap11" : "soap12", client.Protocol);
        return client;
    }
}
