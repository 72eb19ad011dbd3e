using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using SoapMiddleware.Model;
using static SoapMiddleware.Tests.Model.ModelTestHelpers;

namespace SoapMiddleware.Tests.Model;

public sealed class XsdSchemaBuilderTests
{
    private static readonly XNamespace Xs = "http://www.w3.org/2001/XMLSchema";

    private static readonly string[] Methods =
        ["Add", "Echo", "Optional", "Ping", "GetOrder", "Named", "Measure", "Place", "Register", "Walk", "Strings", "AllowEmpty"];

    private static (XmlModelSerializer Serializer, Dictionary<string, RpcMessage> Messages, XElement Schema) BuildAll(params (XName, Type)[] extras)
    {
        var serializer = new XmlModelSerializer(NewModel());
        var messages = Methods.ToDictionary(m => m, m => Request(serializer.Model, m));
        var extraElements = extras.Select(e => (e.Item1, serializer.Model.GetType(e.Item2))).ToList();
        var schema = XsdSchemaBuilder.Build(serializer.Model, messages.Values, extraElements).Single();
        return (serializer, messages, schema);
    }

    private static XmlSchemaSet Compile(XElement schema)
    {
        var set = new XmlSchemaSet();
        set.Add(XmlSchema.Read(schema.CreateReader(), (_, e) => throw new XmlSchemaException(e.Message))!);
        set.Compile();
        return set;
    }

    private static void AssertValid(XmlSchemaSet set, XElement element)
    {
        var document = new XDocument(XElement.Parse(element.ToString()));
        var errors = new List<string>();
        document.Validate(set, (_, e) => errors.Add(e.Message));
        Assert.Empty(errors);
    }

    private static XElement ElementOf(XElement schema, string global, string member)
        => schema.Elements(Xs + "element").Single(e => (string?)e.Attribute("name") == global)
            .Descendants(Xs + "element").Single(e => (string?)e.Attribute("name") == member);

    private static XElement NamedType(XElement schema, string name)
        => schema.Elements().Single(e => (string?)e.Attribute("name") == name && e.Name != Xs + "element");

    [Fact]
    public void Build_AllSampleMessages_CompilesAsXsd()
    {
        var (_, _, schema) = BuildAll((Tns + "Node", typeof(Node)), (Tns + "Page", typeof(Page<Order>)), (Tns + "Shapes", typeof(Shapes)));

        var set = Compile(schema);

        Assert.True(set.IsCompiled);
        Assert.Equal("qualified", (string?)schema.Attribute("elementFormDefault"));
        Assert.Equal(Ns, (string?)schema.Attribute("targetNamespace"));
    }

    [Fact]
    public void Build_WrittenOrder_ValidatesAgainstSchema()
    {
        var (serializer, messages, schema) = BuildAll();
        var order = new Order
        {
            Id = 1, Customer = "Ann", Note = "<&>", Color = Color.Green, ShippedAt = DateTime.UtcNow,
            Lines = [.. Enumerable.Range(1, 50).Select(i => new OrderLine("P" + i, i, i * 1.5m))],
        };

        var written = serializer.WriteMessage(messages["Place"], [order]);

        AssertValid(Compile(schema), written);
    }

    [Fact]
    public void Build_WrittenPrimitivesAndOptionals_ValidateAgainstSchema()
    {
        var (serializer, messages, schema) = BuildAll();
        var set = Compile(schema);

        AssertValid(set, serializer.WriteMessage(messages["Add"], [int.MinValue, int.MaxValue]));
        AssertValid(set, serializer.WriteMessage(messages["Optional"], [null, 3, Color.Red, 5, Guid.NewGuid()]));
        AssertValid(set, serializer.WriteMessage(messages["Optional"], ["note", 3, Color.Blue, null, Guid.Empty]));
        AssertValid(set, serializer.WriteMessage(messages["Ping"], []));
        AssertValid(set, serializer.WriteMessage(messages["Measure"], [9.5, 100.25m]));
        AssertValid(set, serializer.WriteMessage(messages["Named"], ["n", "tag", new[] { 1, 2, 3 }]));
        AssertValid(set, serializer.WriteMessage(messages["Strings"], [new List<string?> { "a", null }, Array.Empty<string?>()]));
        AssertValid(set, serializer.WriteMessage(messages["Register"], [new Customer("ABC-1234", "Ann", Email: "a@b")]));
    }

    [Fact]
    public void Build_WrittenRecursiveAndExtraElements_ValidateAgainstSchema()
    {
        var (serializer, _, schema) = BuildAll((Tns + "Node", typeof(Node)), (Tns + "Shapes", typeof(Shapes)));
        var set = Compile(schema);
        var tree = new Node { Name = "r", Next = new Node { Name = "n" }, Children = [new Node { Name = "c" }] };
        var shapes = new Shapes { Array = [1], List = ["x"], ReadOnly = [], Sequence = [Color.Red], NullableItems = [null, 1], Nested = [[1, 2]] };

        AssertValid(set, serializer.WriteValue(Tns + "Node", serializer.Model.GetType(typeof(Node)), tree));
        AssertValid(set, serializer.WriteValue(Tns + "Shapes", serializer.Model.GetType(typeof(Shapes)), shapes));
    }

    [Fact]
    public void Build_InvalidDocument_FailsValidation()
    {
        var (_, _, schema) = BuildAll();
        var document = new XDocument(Parse($"<GetOrder xmlns='{Ns}'><lines>0</lines><code>ABC</code></GetOrder>"));
        var errors = new List<string>();

        document.Validate(Compile(schema), (_, e) => errors.Add(e.Message));

        Assert.Equal(2, errors.Count);
    }

    [Fact]
    public void Build_Members_CarryMinOccursNillableAndType()
    {
        var (_, _, schema) = BuildAll();

        var note = ElementOf(schema, "Optional", "note");
        var count = ElementOf(schema, "Optional", "count");
        var a = ElementOf(schema, "Add", "a");

        Assert.Equal(("0", "true", "xs:string"), ((string?)note.Attribute("minOccurs"), (string?)note.Attribute("nillable"), (string?)note.Attribute("type")));
        Assert.Equal(("0", null, "xs:int"), ((string?)count.Attribute("minOccurs"), (string?)count.Attribute("nillable"), (string?)count.Attribute("type")));
        Assert.Equal(("1", null), ((string?)a.Attribute("minOccurs"), (string?)a.Attribute("nillable")));
        Assert.Equal("tns:guid", (string?)ElementOf(schema, "Optional", "id").Attribute("type"));
    }

    [Fact]
    public void Build_EmptyMessage_HasEmptySequence()
    {
        var (_, _, schema) = BuildAll();

        var ping = schema.Elements(Xs + "element").Single(e => (string?)e.Attribute("name") == "Ping");

        Assert.Empty(ping.Element(Xs + "complexType")!.Element(Xs + "sequence")!.Elements());
    }

    [Fact]
    public void Build_NamedTypes_AreSortedAndComplete()
    {
        var (_, _, schema) = BuildAll();

        var names = schema.Elements().Where(e => e.Name != Xs + "element").Select(e => (string)e.Attribute("name")!).ToList();

        Assert.Equal(["ArrayOfNode", "ArrayOfOrderLine", "ArrayOfint", "ArrayOfstring", "Color", "Customer", "Node", "Order", "OrderLine", "guid"], names);
    }

    [Fact]
    public void Build_EnumAndGuid_AreStringRestrictions()
    {
        var (_, _, schema) = BuildAll();

        var color = NamedType(schema, "Color");
        var guid = NamedType(schema, "guid");

        Assert.Equal(["Red", "Green", "Blue"], color.Descendants(Xs + "enumeration").Select(e => (string)e.Attribute("value")!));
        Assert.Equal("xs:string", (string?)guid.Element(Xs + "restriction")!.Attribute("base"));
        Assert.NotNull(guid.Descendants(Xs + "pattern").SingleOrDefault());
    }

    [Fact]
    public void Build_ArrayType_HasUnboundedItems()
    {
        var (_, _, schema) = BuildAll();

        var item = NamedType(schema, "ArrayOfstring").Descendants(Xs + "element").Single();

        Assert.Equal(("string", "0", "unbounded", "true", "xs:string"),
            ((string?)item.Attribute("name"), (string?)item.Attribute("minOccurs"), (string?)item.Attribute("maxOccurs"), (string?)item.Attribute("nillable"), (string?)item.Attribute("type")));
    }

    [Fact]
    public void Build_RecursiveType_RefersToItsName()
    {
        var (_, _, schema) = BuildAll();

        var next = NamedType(schema, "Node").Descendants(Xs + "element").Single(e => (string?)e.Attribute("name") == "Next");

        Assert.Equal("tns:Node", (string?)next.Attribute("type"));
    }

    [Fact]
    public void Build_Constraints_BecomeInlineFacets()
    {
        var (_, _, schema) = BuildAll();

        var lines = ElementOf(schema, "GetOrder", "lines").Element(Xs + "simpleType")!.Element(Xs + "restriction")!;
        var tag = ElementOf(schema, "Named", "tag").Element(Xs + "simpleType")!.Element(Xs + "restriction")!;
        var name = ElementOf(schema, "Named", "name").Element(Xs + "simpleType")!.Element(Xs + "restriction")!;

        Assert.Equal(("xs:int", "1", "1000"), ((string?)lines.Attribute("base"), (string?)lines.Element(Xs + "minInclusive")?.Attribute("value"), (string?)lines.Element(Xs + "maxInclusive")?.Attribute("value")));
        Assert.Equal("5", (string?)tag.Element(Xs + "maxLength")?.Attribute("value"));
        Assert.Equal("1", (string?)name.Element(Xs + "minLength")?.Attribute("value"));
    }

    [Fact]
    public void Build_ArrayCountRule_SetsItemOccurs()
    {
        var (_, _, schema) = BuildAll();

        var item = ElementOf(schema, "Named", "items").Descendants(Xs + "element").Single();

        Assert.Equal(("1", "3"), ((string?)item.Attribute("minOccurs"), (string?)item.Attribute("maxOccurs")));
    }

    [Fact]
    public void Build_RangeWiderThanType_IsClippedAndCompiles()
    {
        var model = NewModel();
        var member = model.CreateMember("small", typeof(byte), false, true, [new System.ComponentModel.DataAnnotations.RangeAttribute(-5.5, 1e12)]);

        var schema = XsdSchemaBuilder.Build(model, [new RpcMessage("M", [member])], []).Single();

        Compile(schema);
        var restriction = schema.Descendants(Xs + "restriction").Single();
        Assert.Equal(("0", "255"), ((string?)restriction.Element(Xs + "minInclusive")!.Attribute("value"), (string?)restriction.Element(Xs + "maxInclusive")!.Attribute("value")));
    }

    [Fact]
    public void Build_ExtraElement_IsGlobalElementOfNamedType()
    {
        var (_, _, schema) = BuildAll((Tns + "PageHeader", typeof(Page<Order>)));

        var element = schema.Elements(Xs + "element").Single(e => (string?)e.Attribute("name") == "PageHeader");

        Assert.Equal("tns:PageOfOrder", (string?)element.Attribute("type"));
        Assert.NotNull(NamedType(schema, "PageOfOrder"));
    }

    [Theory]
    [MemberData(nameof(XmlModelSerializerTests.PrimitiveValues), MemberType = typeof(XmlModelSerializerTests))]
    public void Build_WrittenPrimitive_ValidatesAgainstSchema(object value, string text)
    {
        var serializer = new XmlModelSerializer(NewModel());
        var message = Single(serializer.Model, value.GetType());
        var set = Compile(XsdSchemaBuilder.Build(serializer.Model, [message], []).Single());

        var written = serializer.WriteMessage(message, [value]);

        AssertValid(set, written);
        Assert.Equal(text, written.Value);
    }
}
