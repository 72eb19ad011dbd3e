using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using System.Xml.Schema;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using SoapMiddleware.ServiceModel.Tests.Contracts.Shapes;
using SoapMiddleware.ServiceModel.Tests.Infrastructure;

namespace SoapMiddleware.ServiceModel.Tests.EndToEnd;

/// <summary>
/// Derived data contracts in place of their base ([KnownType], [ServiceKnownType] on the contract and on an
/// operation): a real WCF client sends and receives them through base-typed parameters, results, members and lists
/// over SOAP 1.1 and 1.2; on the wire they carry xsi:type, in the WSDL they extend their base.
/// </summary>
public sealed class KnownTypeContractTests : IAsyncLifetime
{
    private const string ShapeNs = "http://schemas.datacontract.org/2004/07/SoapMiddleware.ServiceModel.Tests.Contracts.Shapes";
    private static readonly XNamespace Ns = Shapes.Namespace;
    private static readonly XNamespace Xsi = "http://www.w3.org/2001/XMLSchema-instance";
    private static readonly XNamespace Soap11 = "http://schemas.xmlsoap.org/soap/envelope/";
    private static readonly XNamespace Wsdl = "http://schemas.xmlsoap.org/wsdl/";
    private static readonly XNamespace Xs = "http://www.w3.org/2001/XMLSchema";
    private ContractHost _host = null!;

    private Uri Svc => _host.Url("/Shapes.svc");

    public async Task InitializeAsync()
        => _host = await ContractHost.StartAsync(rpc => rpc.AddService<IShapes, Shapes>(), app =>
        {
            app.MapRpc<IShapes>("/Shapes.svc");
            app.MapRpcJson("/json/shapes");
        });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [InlineData(WcfBindings.Soap11)]
    [InlineData(WcfBindings.Soap12)]
    public async Task WcfClient_DerivedInstances_RoundTripThroughBaseTypes(string version)
    {
        var factory = WcfBindings.Factory<IShapes>(version, Svc);
        try
        {
            await WcfBindings.OnEightThreadsAsync(factory, (shapes, thread) =>
            {
                var circle = Assert.IsType<Circle>(shapes.Grow(new Circle { Name = $"c{thread}", Radius = thread }, 2));
                Assert.Equal(($"c{thread}", 2.0 * thread), (circle.Name, circle.Radius));

                // [ServiceKnownType] on the contract, two levels down, in its own namespace.
                var cube = Assert.IsType<Cube>(shapes.Grow(new Cube { Name = "k", Side = 3, Color = "red" }, 3));
                Assert.Equal(("k", 9.0, "red"), (cube.Name, cube.Side, cube.Color));

                var reversed = shapes.Reverse([new Circle { Radius = 1 }, new Square { Side = 2 }, new Cube { Side = 3, Color = "blue" }]);
                Assert.Equal([typeof(Cube), typeof(Square), typeof(Circle)], reversed.Select(s => s.GetType()));
                Assert.Equal("blue", ((Cube)reversed[0]).Color);
                Assert.Equal(2.0, ((Square)reversed[1]).Side);

                Assert.Equal(Math.PI + 4 + 9, shapes.TotalArea([new Circle { Radius = 1 }, new Square { Side = 2 }, new Cube { Side = 3 }]), 9);

                var drawing = shapes.Redraw(new Drawing { Title = "d", Main = new Square { Side = thread }, Shapes = [new Circle { Radius = 1 }, new Cube { Side = 1, Color = "c" }] });
                Assert.Equal("d!", drawing.Title);
                Assert.Equal(2.0 * thread, Assert.IsType<Square>(drawing.Main).Side);
                Assert.Equal([typeof(Circle), typeof(Cube)], drawing.Shapes.Select(s => s.GetType()));
                Assert.Null(shapes.Redraw(new Drawing { Title = "empty" }).Main);

                // [ServiceKnownType] on the operation; the declared (concrete) base itself round-trips too.
                var dog = Assert.IsType<Dog>(shapes.Rename(new Dog { Name = "a", Barks = true }, $"rex{thread}"));
                Assert.Equal(($"rex{thread}", true), (dog.Name, dog.Barks));
                Assert.Equal(typeof(Animal), shapes.Rename(new Animal { Name = "a" }, "b").GetType());
                return Task.CompletedTask;
            });
        }
        finally
        {
            factory.Close();
        }
    }

    [Fact]
    public async Task Grow_Wire_XsiTypeBoundToTheDerivedTypesNamespace_BaseMembersFirst()
    {
        using var response = await PostAsync("Grow",
            $"<Grow xmlns=\"{Ns}\" xmlns:i=\"{Xsi}\" xmlns:x=\"{Shapes.ExtraNamespace}\"><shape i:type=\"x:Cube\"><Name xmlns=\"{ShapeNs}\">n</Name><Side xmlns=\"{ShapeNs}\">2</Side><Color>red</Color></shape><factor>2</factor></Grow>");

        var text = await response.Content.ReadAsStringAsync();
        var result = XDocument.Parse(text).Descendants(Ns + "GrowResult").Single();
        Assert.Equal(XName.Get("Cube", Shapes.ExtraNamespace), TypeOf(result));
        XNamespace shape = ShapeNs, extra = Shapes.ExtraNamespace;
        Assert.Equal([shape + "Name", shape + "Side", extra + "Color"], result.Elements().Select(e => e.Name));
        Assert.Equal(["n", "4", "red"], result.Elements().Select(e => e.Value));
    }

    [Fact]
    public async Task Rename_Wire_DeclaredTypeWithoutXsiType_DerivedWithIt()
    {
        using var plain = await PostAsync("Rename", $"<Rename xmlns=\"{Ns}\"><animal><Name xmlns=\"{ShapeNs}\">a</Name></animal><name>b</name></Rename>");
        using var dog = await PostAsync("Rename",
            $"<Rename xmlns=\"{Ns}\"><animal xmlns:i=\"{Xsi}\" xmlns:d=\"{ShapeNs}\" i:type=\"d:Dog\"><d:Name>a</d:Name><d:Barks>true</d:Barks></animal><name>b</name></Rename>");

        var plainResult = XDocument.Parse(await plain.Content.ReadAsStringAsync()).Descendants(Ns + "RenameResult").Single();
        Assert.Null(plainResult.Attribute(Xsi + "type"));
        var dogResult = XDocument.Parse(await dog.Content.ReadAsStringAsync()).Descendants(Ns + "RenameResult").Single();
        Assert.Equal(XName.Get("Dog", ShapeNs), TypeOf(dogResult));
        Assert.Equal(["b", "true"], dogResult.Elements().Select(e => e.Value));
    }

    [Theory]
    [InlineData("i:type=\"d:Triangle\"", "xsi:type 'd:Triangle'")]
    [InlineData("i:type=\"d:Dog\"", "xsi:type 'd:Dog'")]
    [InlineData("i:type=\"nope:Circle\"", "undeclared prefix 'nope'")]
    [InlineData("", "abstract")]
    public async Task Grow_UnknownOrMissingXsiType_ClientFaultNamingIt(string typeAttribute, string expected)
    {
        using var response = await PostAsync("Grow",
            $"<Grow xmlns=\"{Ns}\" xmlns:i=\"{Xsi}\" xmlns:d=\"{ShapeNs}\"><shape {typeAttribute}><d:Name>n</d:Name></shape><factor>2</factor></Grow>");

        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal(500, (int)response.StatusCode);
        var fault = XDocument.Parse(text).Descendants(Soap11 + "Fault").Single();
        Assert.EndsWith("Client", fault.Element("faultcode")!.Value, StringComparison.Ordinal);
        Assert.Contains(expected, fault.Element("faultstring")!.Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wsdl_DerivedTypesExtendTheirBase_KnownTypesDescribed_SchemasCompile()
    {
        var wsdl = XDocument.Parse(await _host.Client.GetStringAsync("/Shapes.svc?wsdl"));

        var schemas = wsdl.Root!.Element(Wsdl + "types")!.Elements(Xs + "schema").ToList();
        var set = new XmlSchemaSet();
        foreach (var schema in schemas)
        {
            set.Add(XmlSchema.Read(new XDocument(schema).CreateReader(), (_, e) => throw new XmlSchemaException(e.Message))!);
        }

        set.Compile();
        var shape = (XmlSchemaComplexType)set.GlobalTypes[new System.Xml.XmlQualifiedName("Shape", ShapeNs)]!;
        // Not abstract="true" in the schema, as WCF writes it: DataContractSerializer's importer refuses abstract types.
        Assert.False(shape.IsAbstract);
        var cube = (XmlSchemaComplexType)set.GlobalTypes[new System.Xml.XmlQualifiedName("Cube", Shapes.ExtraNamespace)]!;
        Assert.Equal(new System.Xml.XmlQualifiedName("Square", ShapeNs), cube.BaseXmlSchemaType!.QualifiedName);
        Assert.Equal(XmlSchemaDerivationMethod.Extension, cube.DerivedBy);
        var dog = (XmlSchemaComplexType)set.GlobalTypes[new System.Xml.XmlQualifiedName("Dog", ShapeNs)]!;
        Assert.Equal("Animal", dog.BaseXmlSchemaType!.QualifiedName.Name);
        var circle = schemas.Single(s => (string?)s.Attribute("targetNamespace") == ShapeNs).Elements(Xs + "complexType").Single(t => (string?)t.Attribute("name") == "Circle");
        Assert.Equal(["Radius"], circle.Descendants(Xs + "extension").Single().Descendants(Xs + "element").Select(e => (string)e.Attribute("name")!));

        // Responses with xsi:type validate against the compiled schemas.
        using var response = await PostAsync("Reverse",
            $"<Reverse xmlns=\"{Ns}\" xmlns:i=\"{Xsi}\" xmlns:d=\"{ShapeNs}\"><shapes><d:Shape i:type=\"d:Circle\"><d:Radius>1</d:Radius></d:Shape><d:Shape i:type=\"d:Square\"><d:Side>2</d:Side></d:Shape></shapes></Reverse>");
        var body = XDocument.Parse(await response.Content.ReadAsStringAsync()).Descendants(Ns + "ReverseResponse").Single();
        Assert.Equal([XName.Get("Square", ShapeNs), XName.Get("Circle", ShapeNs)], body.Descendants(XName.Get("Shape", ShapeNs)).Select(TypeOf));
        var errors = new List<string>();
        new XDocument(XElement.Parse(body.ToString())).Validate(set, (_, e) => errors.Add(e.Message));
        Assert.Empty(errors);
    }

    // JSON: WCF's "__type" hint ("Name:#Clr.Namespace") marks a derived instance and is read back; the declared type
    // has none; an unknown hint is a client error.
    [Fact]
    public async Task Json_DerivedInstances_TypeHintWrittenAndRead()
    {
        const string cube = "Cube:http://tests.example.com/shapes/extra";
        using var grown = await _host.Client.PostAsJsonAsync("/json/shapes/Grow",
            new Dictionary<string, object> { ["shape"] = new Dictionary<string, object> { ["__type"] = cube, ["Name"] = "k", ["Side"] = 2, ["Color"] = "red" }, ["factor"] = 2 });
        using var reversed = await _host.Client.PostAsJsonAsync("/json/shapes/Reverse",
            new { shapes = new object[] { new Dictionary<string, object> { ["__type"] = "Circle:#SoapMiddleware.ServiceModel.Tests.Contracts.Shapes", ["Radius"] = 1 }, new Dictionary<string, object> { ["__type"] = "Square:#SoapMiddleware.ServiceModel.Tests.Contracts.Shapes", ["Side"] = 2 } } });
        using var animal = await _host.Client.PostAsJsonAsync("/json/shapes/Rename", new { animal = new { Name = "a" }, name = "b" });
        using var unknown = await _host.Client.PostAsJsonAsync("/json/shapes/Grow",
            new Dictionary<string, object> { ["shape"] = new Dictionary<string, object> { ["__type"] = "Triangle:#Nowhere" }, ["factor"] = 2 });

        var result = (await grown.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("GrowResult");
        Assert.Equal(["__type", "Name", "Side", "Color"], result.EnumerateObject().Select(p => p.Name));
        Assert.Equal((cube, 4, "red"), (result.GetProperty("__type").GetString(), result.GetProperty("Side").GetInt32(), result.GetProperty("Color").GetString()));
        var items = (await reversed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("ReverseResult").EnumerateArray().ToList();
        Assert.Equal(["Square:#SoapMiddleware.ServiceModel.Tests.Contracts.Shapes", "Circle:#SoapMiddleware.ServiceModel.Tests.Contracts.Shapes"], items.Select(i => i.GetProperty("__type").GetString()));
        Assert.False((await animal.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("RenameResult").TryGetProperty("__type", out _));
        Assert.False(unknown.IsSuccessStatusCode);
        Assert.Contains("Triangle:#Nowhere", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static XName TypeOf(XElement element)
    {
        var value = (string)element.Attribute(Xsi + "type")!;
        var colon = value.IndexOf(':', StringComparison.Ordinal);
        return element.GetNamespaceOfPrefix(value[..colon])! + value[(colon + 1)..];
    }

    private Task<HttpResponseMessage> PostAsync(string operation, string body)
    {
        var envelope = $"<s:Envelope xmlns:s=\"{Soap11}\"><s:Body>{body}</s:Body></s:Envelope>";
        var request = new HttpRequestMessage(HttpMethod.Post, Svc) { Content = new StringContent(envelope, Encoding.UTF8, "text/xml") };
        request.Headers.Add("SOAPAction", $"\"{Shapes.Namespace}/IShapes/{operation}\"");
        return _host.Client.SendAsync(request);
    }
}
