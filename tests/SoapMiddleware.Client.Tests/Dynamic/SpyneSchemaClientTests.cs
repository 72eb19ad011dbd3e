using System.Xml;
using System.Xml.Linq;
using SoapMiddleware.Client.Calls;
using SoapMiddleware.Description;
using SoapMiddleware.Protocols;

namespace SoapMiddleware.Client.Tests.Dynamic;

/// <summary>
/// The dynamic client against a real Spyne server's open content: <c>AnyXml</c> (<c>xs:anyType</c>) sent and read as
/// XML, an <c>xs:any</c> wildcard, SOAP headers declared by <c>_in_header</c>/<c>_out_header</c>, and class inheritance
/// (responses with <c>xsi:type</c>, derived requests sent with it).
/// </summary>
public sealed class SpyneSchemaClientTests(SpyneSchemaServer spyne) : IClassFixture<SpyneSchemaServer>
{
    private const string Tns = "urn:soapmw:spyne:schema";
    private static readonly XNamespace Box = "urn:example:box";

    [Fact]
    public async Task AnyXml_IsSentAndReadAsXml()
    {
        var client = await spyne.ClientAsync();
        var item = new XElement(Box + "item", new XAttribute("sku", "A-1"), new XElement(Box + "qty", "3"));

        var result = Assert.IsType<XElement>(await client.CallAsync("wrap", new { label = "gift", payload = item }));

        var box = Assert.Single(result.Elements());
        Assert.Equal(Box + "box", box.Name);
        Assert.Equal("gift", (string?)box.Attribute("label"));
        var echoed = Assert.Single(box.Elements());
        Assert.Equal("A-1", (string?)echoed.Attribute("sku"));
        Assert.Equal("3", echoed.Element(Box + "qty")?.Value);
    }

    [Fact]
    public async Task AnyWildcard_IsReadAndSentAsItsElement()
    {
        var client = await spyne.ClientAsync();

        var parcel = Assert.IsType<RpcRecord>(await client.CallAsync("make_parcel", new { label = "p1" }));

        Assert.Equal("p1", parcel["label"]);
        // Spyne writes the wildcard's content inside an element named after its field.
        var extra = Assert.IsType<XElement>(Assert.Single(Assert.IsAssignableFrom<IEnumerable<object?>>(Wildcard(parcel))));
        Assert.Equal("inside p1", extra.Element(Box + "note")?.Value);

        var note = new XElement(XName.Get("extra", Tns), new XElement(Box + "note", "hello"));
        Assert.Equal("p2: note=hello", await client.CallAsync("read_parcel", new { parcel = new { label = "p2", any = note } }));
    }

    [Fact]
    public async Task Headers_AreSentByNameAndTheResponsesReadFromTheContext()
    {
        var client = await spyne.ClientAsync();
        var whoami = client.Description.FindOperation("whoami")!.Schema!;
        Assert.Equal("AuthHeader", Assert.Single(whoami.RequestHeaders).Name.LocalName);
        Assert.Equal("TraceHeader", Assert.Single(whoami.ResponseHeaders).Name.LocalName);

        RpcCallContext call;
        using (var scope = new RpcCallScope())
        {
            scope.SoapHeaders.Add(new RpcHeaderValue("AuthHeader", new { user = "ann", token = "secret" }));
            call = await client.CallWithContextAsync("whoami", new { greeting = "hello" });
        }

        Assert.Null(call.Error);
        Assert.Equal("hello, ann", call.Result);
        var trace = Assert.IsType<RpcRecord>(call.GetResponseHeader("TraceHeader"));
        Assert.Equal("trace-ann", trace["trace_id"]);

        // Without the header Spyne refuses the call: the header is what it checked.
        var fault = await Assert.ThrowsAsync<RpcFaultException>(() => client.CallAsync("whoami", new { greeting = "hello" }));
        Assert.Equal("no valid AuthHeader", fault.Message);
    }

    [Fact]
    public async Task Inheritance_ResponsesReadAsTheDerivedTypeAndDerivedRequestsSent()
    {
        var client = await spyne.ClientAsync();

        Assert.Empty(client.Warnings);
        var dog = Assert.IsType<RpcRecord>(await client.CallAsync("adopt", new { kind = "dog" }));
        Assert.Equal(new XmlQualifiedName("Dog", Tns), dog.TypeName);
        Assert.Equal("Lab", dog["breed"]);
        var cat = Assert.IsType<RpcRecord>(await client.CallAsync("adopt", new { kind = "cat" }));
        Assert.Equal("Cat", cat.TypeName?.Name);
        Assert.Equal(9, cat["lives"]);
        var plain = Assert.IsType<RpcRecord>(await client.CallAsync("adopt", new { kind = "other" }));
        Assert.Equal("Animal", plain.TypeName?.Name);
        Assert.False(plain.ContainsKey("breed"));

        // Derived values where the base is declared: a record read as Dog goes back as Dog, one made as Cat as Cat.
        Assert.Equal("Dog Rex Lab", await client.CallAsync("describe_animal", new { animal = dog }));
        Assert.Equal("Cat Kit 7", await client.CallAsync("describe_animal", new { animal = new RpcRecord([new("name", "Kit"), new("lives", 7)], new XmlQualifiedName("Cat")) }));
        Assert.Equal("Animal Any None", await client.CallAsync("describe_animal", new { animal = new { name = "Any" } }));
        Assert.Equal("Rex&Tom", await client.CallAsync("pair", new { dog, cat }));
    }

    private static object? Wildcard(RpcRecord record) => record.TryGetValue("any", out var value) && value is XElement single ? new[] { single } : value;
}
