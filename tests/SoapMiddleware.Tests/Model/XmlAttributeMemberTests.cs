using System.Text;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using SoapMiddleware.Model;
using SoapMiddleware.Xml;
using static SoapMiddleware.Tests.Model.ModelTestHelpers;

namespace SoapMiddleware.Tests.Model;

/// <summary>[XmlAttribute] members: unqualified attributes of the type's element, xs:attribute in the XSD, read alike by both readers.</summary>
public sealed class XmlAttributeMemberTests
{
    private static readonly XNamespace Xs = "http://www.w3.org/2001/XMLSchema";

    [Fact]
    public void GetType_XmlAttribute_MemberFlaggedAndNamed()
    {
        var type = NewModel().GetType(typeof(Badge));

        Assert.True(type.HasAttributeMembers);
        Assert.Equal(["id", "Label", "tint"], type.Members.Where(m => m.IsAttribute).Select(m => m.Name));
        Assert.Equal([1, 0, 1], type.Members.Where(m => m.IsAttribute).Select(m => m.MinOccurs));
        Assert.False(NewModel().GetType(typeof(Order)).HasAttributeMembers);
    }

    [Fact]
    public void GetType_XmlAttributeOnComplexMember_RefusedNamingIt()
    {
        var error = Assert.Throws<InvalidOperationException>(() => NewModel().GetType(typeof(ComplexAttribute)));

        Assert.Contains("ComplexAttribute.Inner", error.Message, StringComparison.Ordinal);
        Assert.Contains("[XmlAttribute] needs a simple type", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void WriteValue_Badge_AttributesUnqualifiedOnTheStartTag(bool utf8)
    {
        var serializer = new XmlModelSerializer(NewModel());
        var type = serializer.Model.GetType(typeof(Badge));
        var badge = new Badge { Id = 7, Label = "a<\"&", Note = "n", Tint = Color.Green, Weight = 3 };

        var written = utf8 ? WriteUtf8(serializer, type, badge) : serializer.WriteValue(Tns + "badge", type, badge);

        Assert.Equal(["id", "Label", "tint"], written.Attributes().Where(a => !a.IsNamespaceDeclaration).Select(a => a.Name.ToString()));
        Assert.Equal(("7", "a<\"&", "Green"), (written.Attribute("id")!.Value, written.Attribute("Label")!.Value, written.Attribute("tint")!.Value));
        Assert.Equal([Tns + "Note", Tns + "Weight"], written.Elements().Select(e => e.Name));
    }

    [Fact]
    public void WriteValue_NullOptionalAttribute_LeftOut()
    {
        var serializer = new XmlModelSerializer(NewModel());

        var written = serializer.WriteValue(Tns + "badge", serializer.Model.GetType(typeof(Badge)), new Badge { Id = 1 });

        Assert.Null(written.Attribute("Label"));
        Assert.Equal("1", written.Attribute("id")!.Value);
    }

    [Theory]
    [InlineData("<b id='4' Label='x' tint='Red' xmlns='urn:test'><Weight>2</Weight></b>", "ok 4 x Red 2")]
    [InlineData("<b id='4' tint='Red' other='1' xmlns='urn:test'><Weight>0</Weight></b>", "ok 4 (null) Red 0")]
    [InlineData("<b tint='Red' xmlns='urn:test'/>", "Element 'Echo/value/@id': the required attribute is missing (use=\"required\").")]
    [InlineData("<b id='x' tint='Red' xmlns='urn:test'/>", "Element 'Echo/value/@id': 'x' is not a valid xs:int.")]
    [InlineData("<b id='1' tint='Red' Label='toolonglabel' xmlns='urn:test'/>", "Element 'Echo/value/@Label'")]
    [InlineData("<b id='1' tint='Pink' xmlns='urn:test'/>", "Element 'Echo/value/@tint': 'Pink' is not a valid tns:Color (enumeration).")]
    [InlineData("<b xmlns:t='urn:test' t:id='1' tint='Red' xmlns='urn:test'/>", "Element 'Echo/value/@id': the required attribute is missing")]
    [InlineData("<b id='1' tint='Red' xmlns='urn:test'><id>2</id></b>", "Element 'Echo/value/id': unknown element")]
    public void ReadMessage_Attributes_TreeAndStreamReadersAgree(string value, string expected)
    {
        var serializer = new XmlModelSerializer(NewModel());
        var message = Single(serializer.Model, typeof(Badge));
        var wrapper = $"<Echo xmlns='urn:test'>{value.Replace("<b ", "<value ", StringComparison.Ordinal).Replace("</b>", "</value>", StringComparison.Ordinal)}</Echo>";

        var tree = Outcome(() => serializer.ReadMessage(XElement.Parse(wrapper), message));
        var stream = Outcome(() => ReadStreaming(serializer, wrapper, message));

        Assert.Equal(tree, stream);
        Assert.StartsWith(expected, tree, StringComparison.Ordinal);
    }

    [Fact]
    public void Schema_AttributeMembers_XsAttributeAfterTheSequenceAndWrittenValueValidates()
    {
        var serializer = new XmlModelSerializer(NewModel());
        var message = Single(serializer.Model, typeof(Badge));
        var schema = XsdSchemaBuilder.Build(serializer.Model, [message], []).Single();
        var badgeType = schema.Elements(Xs + "complexType").Single(e => (string?)e.Attribute("name") == "Badge");

        Assert.Equal(["sequence", "attribute", "attribute", "attribute"], badgeType.Elements().Select(e => e.Name.LocalName));
        Assert.Equal(["Note", "Weight"], badgeType.Element(Xs + "sequence")!.Elements().Select(e => (string?)e.Attribute("name")));
        var attributes = badgeType.Elements(Xs + "attribute").ToDictionary(a => (string)a.Attribute("name")!);
        Assert.Equal(("xs:int", "required"), ((string?)attributes["id"].Attribute("type"), (string?)attributes["id"].Attribute("use")));
        Assert.Equal(("tns:Color", "required"), ((string?)attributes["tint"].Attribute("type"), (string?)attributes["tint"].Attribute("use")));
        Assert.Equal("optional", (string?)attributes["Label"].Attribute("use"));
        Assert.Equal("8", attributes["Label"].Descendants(Xs + "maxLength").Single().Attribute("value")!.Value);

        var set = new XmlSchemaSet();
        set.Add(XmlSchema.Read(schema.CreateReader(), (_, e) => throw new XmlSchemaException(e.Message))!);
        set.Compile();
        var written = serializer.WriteMessage(message, [new Badge { Id = 1, Label = "l", Tint = Color.Red }]);
        var errors = new List<string>();
        new XDocument(XElement.Parse(written.ToString())).Validate(set, (_, e) => errors.Add(e.Message));
        Assert.Empty(errors);
        written.Descendants(Tns + "value").Single().Attribute("id")!.Remove();
        new XDocument(XElement.Parse(written.ToString())).Validate(set, (_, e) => errors.Add(e.Message));
        Assert.Contains(errors, e => e.Contains("'id'", StringComparison.Ordinal));
    }

    private static string Outcome(Func<object?[]> read)
    {
        try
        {
            var badge = (Badge)read()[0]!;
            return $"ok {badge.Id} {badge.Label ?? "(null)"} {badge.Tint} {badge.Weight}";
        }
        catch (RpcFault fault)
        {
            return fault.Message;
        }
    }

    private static object?[] ReadStreaming(XmlModelSerializer serializer, string wrapper, RpcMessage message)
    {
        var reader = Utf8XmlPullReader.Rent(Encoding.UTF8.GetBytes(wrapper), new XmlLimits(64, 256, 64));
        try
        {
            while (reader.Read() && reader.NodeType != XmlNodeType.Element)
            {
            }

            return serializer.ReadMessage(reader, message);
        }
        finally
        {
            Utf8XmlPullReader.Return(reader);
        }
    }

    private static XElement WriteUtf8(XmlModelSerializer serializer, RpcType type, object value)
    {
        var buffer = new ByteBuffer(256);
        var sink = new Utf8XmlSink(buffer, new Utf8TagCache(new Dictionary<XNamespace, string>()));
        serializer.WriteValue(sink, Tns + "badge", type, value);
        return XElement.Parse(Encoding.UTF8.GetString(buffer.WrittenMemory.Span));
    }
}
