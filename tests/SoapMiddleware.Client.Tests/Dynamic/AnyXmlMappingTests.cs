using System.Xml.Linq;
using SoapMiddleware.Client.Tests.Infrastructure;
using SoapMiddleware.Description;
using SoapMiddleware.Description.Schema;

namespace SoapMiddleware.Client.Tests.Dynamic;

/// <summary>
/// <c>xs:anyType</c> elements, elements without a type and <c>xs:any</c> wildcards map to XML as it is: sent from
/// <see cref="XElement"/>s, read back (through a mirror on Kestrel) as navigable elements, within the reader's depth limit.
/// </summary>
public sealed class AnyXmlMappingTests(EnvelopeMirror mirror) : IClassFixture<EnvelopeMirror>
{
    private const string Schema = """
        <xs:complexType name="Bag">
          <xs:sequence>
            <xs:element name="label" type="xs:string"/>
            <xs:element name="payload" type="xs:anyType"/>
            <xs:element name="loose" minOccurs="0"/>
            <xs:any namespace="##other" processContents="lax" minOccurs="0" maxOccurs="unbounded"/>
          </xs:sequence>
        </xs:complexType>
        <xs:element name="bag" type="tns:Bag"/>
        """;

    private static readonly XNamespace Order = "urn:example:order";
    private static readonly XNamespace Ext = "urn:example:ext";

    [Fact]
    public async Task Mapping_AnyTypeAndWildcard_AreXmlMembers()
    {
        var client = await mirror.ClientAsync(Schema, "bag");

        Assert.Empty(client.Warnings);
        var bag = Assert.Single(client.Description.FindOperation("Mirror")!.Schema!.RequestParts).Type;
        Assert.Equal(["label", "payload", "loose", "any"], bag.Members.Select(m => m.Name.LocalName));
        Assert.Equal(SchemaTypeKind.Xml, bag.Members[1].Type.Kind);
        Assert.Equal(typeof(XElement), bag.Members[1].Type.ClrType);
        Assert.Equal(SchemaTypeKind.Xml, bag.Members[2].Type.Kind);
        var any = bag.Members[3];
        Assert.True(any.IsWildcard);
        Assert.True(any.IsRepeated);
        Assert.True(any.IsOptional);
    }

    [Theory]
    [InlineData("soap")]
    [InlineData("soap12")]
    public async Task Mirror_XmlValues_ReadBackNavigable(string binding)
    {
        var client = await mirror.ClientAsync(Schema, "bag", binding);
        var order = new XElement(Order + "order", new XAttribute("id", "7"), new XElement(Order + "line", "a"), new XElement(Order + "line", "b"));

        var bag = Assert.IsType<RpcRecord>(await client.CallAsync("Mirror", new
        {
            label = "l",
            payload = order,
            loose = "just text",
            any = new[] { new XElement(Ext + "note", "n1"), new XElement(Ext + "note", new XAttribute("lang", "en"), "n2") },
        }));

        Assert.Equal("l", bag["label"]);
        var payload = Assert.IsType<XElement>(bag["payload"]);
        Assert.Equal(XName.Get("payload", Infrastructure.Wsdl.Tns), payload.Name);
        var read = Assert.Single(payload.Elements());
        Assert.Equal(Order + "order", read.Name);
        Assert.Equal("7", (string?)read.Attribute("id"));
        Assert.Equal(["a", "b"], read.Elements(Order + "line").Select(e => e.Value));
        Assert.Equal("just text", Assert.IsType<XElement>(bag["loose"]).Value);
        var notes = Assert.IsAssignableFrom<IReadOnlyList<object?>>(bag["any"]);
        Assert.Equal([Ext + "note", Ext + "note"], notes.Cast<XElement>().Select(e => e.Name));
        Assert.Equal(["n1", "n2"], notes.Cast<XElement>().Select(e => e.Value));
        Assert.Equal("en", (string?)((XElement)notes[1]!).Attribute("lang"));

        // What was read is an argument as it is: the payload element keeps its name, the wildcard's elements theirs.
        var again = Assert.IsType<RpcRecord>(await client.CallAsync("Mirror", bag));
        var payloadAgain = Assert.IsType<XElement>(again["payload"]);
        Assert.Equal(payload.Name, payloadAgain.Name);
        Assert.Equal("7", (string?)Assert.Single(payloadAgain.Elements()).Attribute("id"));
        Assert.Equal(["n1", "n2"], Assert.IsAssignableFrom<IReadOnlyList<object?>>(again["any"]).Cast<XElement>().Select(e => e.Value));
    }

    [Fact]
    public async Task Response_AnyTypeValueUsingAPrefixOfTheEnvelope_KeepsItsNamespace()
    {
        mirror.Canned = """
            <s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/" xmlns:q="urn:q" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
              <s:Body><bag xmlns="urn:test"><label>l</label><payload xsi:type="q:Thing">t</payload></bag></s:Body>
            </s:Envelope>
            """;
        var client = await mirror.ClientAsync(Schema, "bag", address: mirror.CannedUrl);

        var bag = Assert.IsType<RpcRecord>(await client.CallAsync("Mirror", new { label = "l", payload = "p" }));

        // Read out of the envelope, the copy still declares the prefixes its values use (xsi:type="q:Thing").
        var payload = Assert.IsType<XElement>(bag["payload"]);
        Assert.Equal("t", payload.Value);
        Assert.Equal("urn:q", payload.GetNamespaceOfPrefix("q")?.NamespaceName);
    }

    [Fact]
    public async Task Mirror_XmlDeeperThanTheReaderLimit_IsRefused()
    {
        var client = await mirror.ClientAsync(Schema, "bag");
        var deep = new XElement("d0");
        var current = deep;
        for (var i = 1; i < 100; i++)
        {
            var next = new XElement("d" + i);
            current.Add(next);
            current = next;
        }

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => client.CallAsync("Mirror", new { label = "l", payload = deep }));

        Assert.Contains("deeper than the limit of 64", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Call_WildcardGivenText_IsRefusedNamingTheMember()
    {
        var client = await mirror.ClientAsync(Schema, "bag");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => client.CallAsync("Mirror", new { label = "l", payload = "p", any = new[] { "not xml" } }));

        Assert.Contains("xs:any member 'any'", error.Message, StringComparison.Ordinal);
    }
}
