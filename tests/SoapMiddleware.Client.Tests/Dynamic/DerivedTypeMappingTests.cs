using System.Text;
using System.Xml;
using SoapMiddleware.Client.Tests.Infrastructure;
using SoapMiddleware.Description;

namespace SoapMiddleware.Client.Tests.Dynamic;

/// <summary>
/// Complex types derived by <c>xs:extension</c> stand in place of their bases: a record naming a derived type is sent
/// with <c>xsi:type</c> and read back (through a mirror on Kestrel) as that type, with its extra members; an
/// <c>xsi:type</c> the schema does not derive from the declared type is an error naming it.
/// </summary>
public sealed class DerivedTypeMappingTests(EnvelopeMirror mirror) : IClassFixture<EnvelopeMirror>
{
    private const string Schema = """
        <xs:complexType name="Animal"><xs:sequence><xs:element name="name" type="xs:string"/></xs:sequence></xs:complexType>
        <xs:complexType name="Dog"><xs:complexContent><xs:extension base="tns:Animal">
          <xs:sequence><xs:element name="breed" type="xs:string"/></xs:sequence></xs:extension></xs:complexContent></xs:complexType>
        <xs:complexType name="Puppy"><xs:complexContent><xs:extension base="tns:Dog">
          <xs:sequence><xs:element name="weeks" type="xs:int"/></xs:sequence></xs:extension></xs:complexContent></xs:complexType>
        <xs:complexType name="Cat"><xs:complexContent><xs:extension base="tns:Animal">
          <xs:sequence><xs:element name="lives" type="xs:int"/></xs:sequence></xs:extension></xs:complexContent></xs:complexType>
        <xs:complexType name="Zoo"><xs:sequence>
          <xs:element name="star" type="tns:Animal"/>
          <xs:element name="animal" type="tns:Animal" minOccurs="0" maxOccurs="unbounded"/>
        </xs:sequence></xs:complexType>
        <xs:element name="zoo" type="tns:Zoo"/>
        """;

    [Theory]
    [InlineData("soap")]
    [InlineData("soap12")]
    public async Task Mirror_DerivedRecords_AreSentWithXsiTypeAndReadAsTheirTypes(string binding)
    {
        var client = await mirror.ClientAsync(Schema, "zoo", binding);

        var call = await client.CallWithContextAsync("Mirror", new
        {
            star = new RpcRecord([new("name", "Rex"), new("breed", "Lab")], new XmlQualifiedName("Dog")),
            animal = new object[]
            {
                new RpcRecord([new("name", "Tom"), new("lives", 9)], new XmlQualifiedName("Cat", Infrastructure.Wsdl.Tns)),
                new { name = "plain" },
                new RpcRecord([new("name", "Bit"), new("breed", "Pug"), new("weeks", 8)], new XmlQualifiedName("Puppy")),
            },
        });

        Assert.Null(call.Error);
        var request = Encoding.UTF8.GetString(call.RequestBytes.Span);
        Assert.Contains(":type=\"", request, StringComparison.Ordinal);
        var zoo = Assert.IsType<RpcRecord>(call.Result);
        var star = Assert.IsType<RpcRecord>(zoo["star"]);
        Assert.Equal(new XmlQualifiedName("Dog", Infrastructure.Wsdl.Tns), star.TypeName);
        Assert.Equal(["name", "breed"], star.Keys);
        Assert.Equal("Lab", star["breed"]);
        var animals = Assert.IsAssignableFrom<IReadOnlyList<object?>>(zoo["animal"]).Cast<RpcRecord>().ToList();
        Assert.Equal(["Cat", "Animal", "Puppy"], animals.Select(a => a.TypeName!.Name));
        Assert.Equal(9, animals[0]["lives"]);
        Assert.Equal(["name"], animals[1].Keys);
        Assert.Equal(["name", "breed", "weeks"], animals[2].Keys);
        Assert.Equal(8, animals[2]["weeks"]);

        // A record read as a derived type is sent back as it.
        var again = Assert.IsType<RpcRecord>(await client.CallAsync("Mirror", zoo));
        Assert.Equal(star, again["star"]);
        Assert.Equal("Dog", Assert.IsType<RpcRecord>(again["star"]).TypeName!.Name);
    }

    [Fact]
    public async Task Mapping_DerivedTypes_ExtendTheirBases()
    {
        var client = await mirror.ClientAsync(Schema, "zoo");

        var zoo = Assert.Single(client.Description.FindOperation("Mirror")!.Schema!.RequestParts).Type;
        var animal = zoo.Members[0].Type;
        Assert.Null(animal.BaseType);
        Assert.Empty(client.Warnings);
        Assert.Equal(["name"], animal.Members.Select(m => m.Name.LocalName));
    }

    [Fact]
    public async Task Mapping_TypesThatExtendEachOther_AreAWarningNotALoop()
    {
        var client = await mirror.ClientAsync("""
            <xs:complexType name="A"><xs:complexContent><xs:extension base="tns:B">
              <xs:sequence><xs:element name="a" type="xs:int"/></xs:sequence></xs:extension></xs:complexContent></xs:complexType>
            <xs:complexType name="B"><xs:complexContent><xs:extension base="tns:A">
              <xs:sequence><xs:element name="b" type="xs:int"/></xs:sequence></xs:extension></xs:complexContent></xs:complexType>
            <xs:element name="root" type="tns:A"/>
            """, "root");

        Assert.Contains(client.Warnings, w => w.Message.Contains("derives from itself", StringComparison.Ordinal));
        Assert.Equal<object?>(new RpcRecord([new("a", 1)]), await client.CallAsync("Mirror", new { a = 1 }));
    }

    [Fact]
    public async Task Response_UnknownXsiType_IsAnErrorNamingIt()
    {
        mirror.Canned = """
            <s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/" xmlns:t="urn:test" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
              <s:Body><t:zoo><t:star xsi:type="t:Bird"><t:name>Tweety</t:name><t:wings>2</t:wings></t:star></t:zoo></s:Body>
            </s:Envelope>
            """;
        var client = await mirror.ClientAsync(Schema, "zoo", address: mirror.CannedUrl);

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => client.CallAsync("Mirror", new { star = new { name = "x" } }));

        Assert.Contains("xsi:type 't:Bird'", error.Message, StringComparison.Ordinal);
        Assert.Contains("Cat, Dog, Puppy", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Call_RecordOfAnUnknownType_IsRefusedNamingIt()
    {
        var client = await mirror.ClientAsync(Schema, "zoo");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => client.CallAsync("Mirror", new { star = new RpcRecord([new("name", "Tweety")], new XmlQualifiedName("Bird")) }));

        Assert.Contains("'Bird'", error.Message, StringComparison.Ordinal);
        Assert.Contains("Dog", error.Message, StringComparison.Ordinal);
    }
}
