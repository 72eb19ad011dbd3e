using System.Xml;
using SoapMiddleware.Client.Tests.Infrastructure;
using SoapMiddleware.Client.Wsdl.Schema;

namespace SoapMiddleware.Client.Tests.Wsdl;

/// <summary>The schema set read from a WSDL's types: each XSD construct the client's serializers will need.</summary>
public sealed class SchemaImportTests
{
    private const string Schema = """
        <xs:complexType name="Base"><xs:sequence>
          <xs:element name="id" type="xs:int"/>
          <xs:element name="note" type="xs:string" nillable="true" minOccurs="0"/>
        </xs:sequence><xs:attribute name="version" type="xs:int" use="required"/></xs:complexType>
        <xs:complexType name="Derived"><xs:complexContent><xs:extension base="tns:Base"><xs:sequence>
          <xs:element name="tags" type="xs:string" maxOccurs="unbounded"/>
        </xs:sequence></xs:extension></xs:complexContent></xs:complexType>
        <xs:complexType name="Narrow"><xs:complexContent><xs:restriction base="tns:Base"><xs:sequence>
          <xs:element name="id" type="xs:int"/>
        </xs:sequence></xs:restriction></xs:complexContent></xs:complexType>
        <xs:complexType name="Either"><xs:choice><xs:element name="text" type="xs:string"/><xs:element name="number" type="xs:int"/></xs:choice></xs:complexType>
        <xs:complexType name="Bag"><xs:all><xs:element name="x" type="xs:int"/><xs:element name="y" type="xs:int" minOccurs="0"/></xs:all></xs:complexType>
        <xs:complexType name="Open"><xs:sequence><xs:any namespace="##other" processContents="lax" minOccurs="0" maxOccurs="unbounded"/>
          <xs:element name="anything" type="xs:anyType"/><xs:element name="untyped"/></xs:sequence><xs:anyAttribute/></xs:complexType>
        <xs:complexType name="Money"><xs:simpleContent><xs:extension base="xs:decimal"><xs:attribute name="currency" type="xs:string"/></xs:extension></xs:simpleContent></xs:complexType>
        <xs:complexType name="ArrayOfBase"><xs:sequence><xs:element name="Base" type="tns:Base" minOccurs="0" maxOccurs="unbounded" nillable="true"/></xs:sequence></xs:complexType>
        <xs:complexType name="WithRefs"><xs:sequence><xs:element ref="tns:Top" minOccurs="0"/><xs:group ref="tns:Pair"/></xs:sequence>
          <xs:attributeGroup ref="tns:Common"/></xs:complexType>
        <xs:group name="Pair"><xs:sequence><xs:element name="left" type="xs:int"/><xs:element name="right" type="xs:int"/></xs:sequence></xs:group>
        <xs:attributeGroup name="Common"><xs:attribute name="lang" type="xs:language"/></xs:attributeGroup>
        <xs:element name="Top" type="tns:Color"/>
        <xs:simpleType name="Color"><xs:restriction base="xs:string">
          <xs:enumeration value="Red"/><xs:enumeration value="Green"/>
        </xs:restriction></xs:simpleType>
        <xs:simpleType name="Colors"><xs:list itemType="tns:Color"/></xs:simpleType>
        <xs:simpleType name="IntOrColor"><xs:union memberTypes="xs:int tns:Color"/></xs:simpleType>
        <xs:element name="Inline"><xs:complexType><xs:sequence><xs:element name="n" type="xs:int"/></xs:sequence></xs:complexType></xs:element>
        """;

    private static async Task<XsdSchemaSet> ImportAsync() =>
        (await Infrastructure.Wsdl.ImportAsync(Infrastructure.Wsdl.Definitions(Infrastructure.Wsdl.Types(Schema)))).Schemas;

    private static XmlQualifiedName Tns(string name) => new(name, Infrastructure.Wsdl.Tns);

    private static XmlQualifiedName Xs(string name) => new(name, XsdNames.Xsd);

    private static XsdComplexType Complex(XsdSchemaSet schemas, string name) => Assert.IsType<XsdComplexType>(schemas.Types[Tns(name)]);

    private static IReadOnlyList<XsdParticle> Items(XsdComplexType type) => Assert.IsType<XsdGroup>(type.Content).Items;

    [Fact]
    public async Task Sequence_ElementsWithOccursNillableAndRequiredAttribute()
    {
        var type = Complex(await ImportAsync(), "Base");

        var group = Assert.IsType<XsdGroup>(type.Content);
        Assert.Equal(XsdGroupKind.Sequence, group.Kind);
        var id = Assert.IsType<XsdElement>(group.Items[0]);
        var note = Assert.IsType<XsdElement>(group.Items[1]);
        Assert.Equal(Tns("id"), id.Name); // elementFormDefault="qualified"
        Assert.Equal(Xs("int"), id.Type);
        Assert.Equal((1, 1, false), (id.MinOccurs, id.MaxOccurs, id.IsNillable));
        Assert.Equal((0, 1, true), (note.MinOccurs, note.MaxOccurs, note.IsNillable));
        var version = Assert.Single(type.Attributes);
        Assert.Equal((new XmlQualifiedName("version"), Xs("int"), true), (version.Name, version.Type, version.IsRequired));
    }

    [Fact]
    public async Task ExtensionAndRestriction_BaseDerivationAndOwnContent()
    {
        var schemas = await ImportAsync();

        var derived = Complex(schemas, "Derived");
        Assert.Equal((Tns("Base"), XsdDerivation.Extension), (derived.BaseType, derived.Derivation));
        var tags = Assert.IsType<XsdElement>(Assert.Single(Items(derived)));
        Assert.Equal(XsdParticle.Unbounded, tags.MaxOccurs);
        Assert.True(tags.IsRepeated);
        Assert.Null(derived.ArrayItemType); // an extension with a repeated element is not an array
        var narrow = Complex(schemas, "Narrow");
        Assert.Equal((Tns("Base"), XsdDerivation.Restriction), (narrow.BaseType, narrow.Derivation));
    }

    [Fact]
    public async Task ChoiceAllAnyAndAnyType()
    {
        var schemas = await ImportAsync();

        Assert.Equal(XsdGroupKind.Choice, Assert.IsType<XsdGroup>(Complex(schemas, "Either").Content).Kind);
        Assert.Equal(XsdGroupKind.All, Assert.IsType<XsdGroup>(Complex(schemas, "Bag").Content).Kind);
        var open = Complex(schemas, "Open");
        var any = Assert.IsType<XsdAny>(Items(open)[0]);
        Assert.Equal(("##other", "lax", 0, XsdParticle.Unbounded), (any.Namespace, any.ProcessContents, any.MinOccurs, any.MaxOccurs));
        Assert.Equal(XsdNames.AnyType, Assert.IsType<XsdElement>(Items(open)[1]).Type);
        Assert.Equal(XsdNames.AnyType, Assert.IsType<XsdElement>(Items(open)[2]).Type); // no type: the ur-type
        Assert.True(Assert.Single(open.Attributes).IsWildcard);
    }

    [Fact]
    public async Task SimpleContent_BaseIsSimpleWithAttributes()
    {
        var money = Complex(await ImportAsync(), "Money");

        Assert.True(money.IsSimpleContent);
        Assert.Equal((Xs("decimal"), XsdDerivation.Extension), (money.BaseType, money.Derivation));
        Assert.Equal(new XmlQualifiedName("currency"), Assert.Single(money.Attributes).Name);
    }

    [Fact]
    public async Task LiteralArray_OneRepeatedElement_ItemType()
    {
        var array = Complex(await ImportAsync(), "ArrayOfBase");

        Assert.Equal(Tns("Base"), array.ArrayItemType);
    }

    [Fact]
    public async Task ElementRefGroupRefAndAttributeGroup_KeptAsReferencesToGlobals()
    {
        var schemas = await ImportAsync();

        var type = Complex(schemas, "WithRefs");
        var top = Assert.IsType<XsdElement>(Items(type)[0]);
        Assert.True(top.IsReference);
        Assert.Equal(Tns("Top"), top.Name);
        Assert.Equal(0, top.MinOccurs);
        Assert.Equal(Tns("Color"), schemas.Elements[Tns("Top")].Type);
        Assert.Equal(Tns("Pair"), Assert.IsType<XsdGroupReference>(Items(type)[1]).Group);
        Assert.Equal(2, Assert.IsType<XsdGroup>(schemas.Groups[Tns("Pair")]).Items.Count);
        Assert.Equal(Tns("Common"), Assert.Single(type.AttributeGroups));
        Assert.Equal(new XmlQualifiedName("lang"), Assert.Single(schemas.AttributeGroups[Tns("Common")]).Name);
    }

    [Fact]
    public async Task SimpleTypes_EnumerationListAndUnion()
    {
        var schemas = await ImportAsync();

        var color = Assert.IsType<XsdSimpleType>(schemas.Types[Tns("Color")]);
        Assert.Equal(Xs("string"), color.BaseType);
        Assert.Equal(["Red", "Green"], color.Enumeration);
        Assert.Equal(Tns("Color"), Assert.IsType<XsdSimpleType>(schemas.Types[Tns("Colors")]).ListItemType);
        Assert.Equal([Xs("int"), Tns("Color")], Assert.IsType<XsdSimpleType>(schemas.Types[Tns("IntOrColor")]).UnionMemberTypes);
    }

    [Fact]
    public async Task AnonymousType_InsideGlobalElement()
    {
        var inline = (await ImportAsync()).Elements[Tns("Inline")];

        Assert.Null(inline.Type);
        var type = Assert.IsType<XsdComplexType>(inline.AnonymousType);
        Assert.Null(type.Name);
        Assert.Equal(Tns("n"), Assert.IsType<XsdElement>(Items(type)[0]).Name);
    }

    [Fact]
    public async Task Xsd1999Namespace_ReadAsXsd2001Types()
    {
        var wsdl = Infrastructure.Wsdl.Definitions("""
            <wsdl:types><x:schema xmlns:x="http://www.w3.org/1999/XMLSchema" targetNamespace="urn:test">
              <x:complexType name="Old"><x:sequence><x:element name="n" type="x:int"/></x:sequence></x:complexType>
            </x:schema></wsdl:types>
            """);

        var schemas = (await Infrastructure.Wsdl.ImportAsync(wsdl)).Schemas;

        Assert.Equal(Xs("int"), Assert.IsType<XsdElement>(Items(Complex(schemas, "Old"))[0]).Type);
    }

    [Fact]
    public async Task UnsupportedConstruct_WarnedWithLineAndColumn_RestRead()
    {
        var wsdl = Infrastructure.Wsdl.Definitions(Infrastructure.Wsdl.Types("""
            <xs:complexType name="A"><xs:sequence><xs:element name="n" type="xs:int"/><xs:unknownParticle/></xs:sequence></xs:complexType>
            <xs:element name="E" type="tns:A"/>
            """));

        var description = await Infrastructure.Wsdl.ImportAsync(wsdl);

        var warning = Assert.Single(description.Warnings);
        Assert.Contains("unknownParticle", warning.Message, StringComparison.Ordinal);
        Assert.Equal(5, warning.Line); // the schema line, where the content starts
        Assert.Equal(147, warning.Column); // the element name, after "<"
        Assert.Single(Items(Complex(description.Schemas, "A")));
        Assert.True(description.Schemas.Elements.ContainsKey(Tns("E")));
    }
}
