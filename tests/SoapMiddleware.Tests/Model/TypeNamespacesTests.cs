using System.Runtime.Serialization;
using System.Text;
using System.Xml.Linq;
using System.Xml.Schema;
using SoapMiddleware.Model;
using SoapMiddleware.Xml;
using static SoapMiddleware.Tests.Model.ModelTestHelpers;

namespace SoapMiddleware.Tests.Model;

/// <summary>
/// Types in their own XML namespaces: an explicit <c>[DataContract(Namespace)]</c> on the core path, and
/// DataContractSerializer's namespaces when a WCF contract asks for them. Members are named in their owner's
/// namespace, items in their collection's, and the schemas (one per namespace, with imports) compile and validate
/// what is written.
/// </summary>
public sealed class TypeNamespacesTests
{
    private const string OtherNs = "urn:elsewhere";
    private const string DataContractNs = "http://schemas.datacontract.org/2004/07/SoapMiddleware.Tests.Model";
    private const string Arrays = "http://schemas.microsoft.com/2003/10/Serialization/Arrays";

    [Fact]
    public void CorePath_DataContractWithoutNamespace_StaysInTargetNamespace()
    {
        var model = NewModel();

        var type = model.GetType(typeof(Plain));

        Assert.Equal(Ns, type.SchemaName.Namespace);
        Assert.Equal(Tns + "Value", type.Members.Single().ElementName);
        Assert.Equal(Ns, model.GetType(typeof(List<int>)).SchemaName.Namespace);
    }

    [Fact]
    public void CorePath_ExplicitNamespace_MembersAndItemsInIt_PartsInTarget_RoundTrips()
    {
        var serializer = new XmlModelSerializer(NewModel());
        var message = Single(serializer.Model, typeof(Holder));
        XNamespace other = OtherNs;

        var written = serializer.WriteMessage(message, [new Holder { Plain = new Plain { Value = 7 }, Items = [new Elsewhere { Code = "a" }] }]);

        var part = written.Element(Tns + "value")!;
        Assert.Equal(other + "Plain", part.Elements().First().Name);
        Assert.Equal(Tns + "Value", part.Element(other + "Plain")!.Elements().Single().Name);
        Assert.Equal([other + "Elsewhere"], part.Element(other + "Items")!.Elements().Select(e => e.Name));
        Assert.Equal(other + "Code", part.Element(other + "Items")!.Elements().Single().Elements().Single().Name);
        var read = Assert.IsType<Holder>(serializer.ReadMessage(written, message)[0]);
        Assert.Equal((7, "a"), (read.Plain!.Value, read.Items.Single().Code));
        var streamed = Assert.IsType<Holder>(ReadStreaming(serializer, written, message)[0]);
        Assert.Equal((7, "a"), (streamed.Plain!.Value, streamed.Items.Single().Code));
        AssertValid(serializer.Model, message, written, expectedNamespaces: [Ns, OtherNs]);
    }

    [Fact]
    public void DataContractNamespaces_ClrNamespaceArraysAndNestedNames()
    {
        var model = NewModel();
        model.UseDataContractNamespaces("IContract");

        var plain = model.GetType(typeof(Plain));
        var nested = model.GetType(typeof(Outer.Inner));
        var numbers = model.GetType(typeof(List<int>));
        var texts = model.GetType(typeof(string[]));
        var maybe = model.GetType(typeof(int?[]));
        var plains = model.GetType(typeof(Plain[]));

        Assert.Equal(new System.Xml.XmlQualifiedName("TypeNamespacesTests.Plain", DataContractNs), plain.SchemaName);
        Assert.Equal(XName.Get("Value", DataContractNs), plain.Members.Single().ElementName);
        Assert.Equal(new System.Xml.XmlQualifiedName("TypeNamespacesTests.Outer.Inner", DataContractNs), nested.SchemaName);
        Assert.Equal((new System.Xml.XmlQualifiedName("ArrayOfint", Arrays), XName.Get("int", Arrays)), (numbers.SchemaName, numbers.ItemElementName));
        Assert.Equal((new System.Xml.XmlQualifiedName("ArrayOfstring", Arrays), XName.Get("string", Arrays)), (texts.SchemaName, texts.ItemElementName));
        Assert.Equal("http://schemas.datacontract.org/2004/07/System", maybe.SchemaName.Namespace);
        Assert.Equal((new System.Xml.XmlQualifiedName("ArrayOfTypeNamespacesTests.Plain", DataContractNs), XName.Get("TypeNamespacesTests.Plain", DataContractNs)), (plains.SchemaName, plains.ItemElementName));
    }

    [Fact]
    public void DataContractNamespaces_WrittenMessage_ValidatesAgainstImportingSchemas()
    {
        var model = NewModel();
        model.UseDataContractNamespaces("IContract");
        var serializer = new XmlModelSerializer(model);
        var message = new RpcMessage("Echo",
        [
            model.CreateMember("plain", typeof(Plain), true, false, []),
            model.CreateMember("numbers", typeof(List<int>), true, false, []),
            model.CreateMember("texts", typeof(string[]), true, false, []),
        ]);

        var written = serializer.WriteMessage(message, [new Plain { Value = 3 }, new List<int> { 1, 2 }, new[] { "x", "y" }]);

        Assert.Equal([XName.Get("int", Arrays), XName.Get("int", Arrays)], written.Element(Tns + "numbers")!.Elements().Select(e => e.Name));
        Assert.Equal(XName.Get("Value", DataContractNs), written.Element(Tns + "plain")!.Elements().Single().Name);
        foreach (var read in new[] { serializer.ReadMessage(written, message), ReadStreaming(serializer, written, message) })
        {
            Assert.Equal(3, Assert.IsType<Plain>(read[0]).Value);
            Assert.Equal([1, 2], Assert.IsType<List<int>>(read[1]));
            Assert.Equal(["x", "y"], Assert.IsType<string[]>(read[2]));
        }
        AssertValid(model, message, written, expectedNamespaces: [Ns, Arrays, DataContractNs]);
    }

    [Fact]
    public void UseDataContractNamespaces_AfterTypesNamedInTarget_RefusedNamingTheType()
    {
        var model = NewModel();
        model.GetType(typeof(Plain));

        var error = Assert.Throws<InvalidOperationException>(() => model.UseDataContractNamespaces("IContract"));

        Assert.Contains("TypeNamespacesTests+Plain", error.Message, StringComparison.Ordinal);
        Assert.Contains("MapRpc<IContract>", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GetType_EmptyDataContractNamespace_Refused()
    {
        var error = Assert.Throws<InvalidOperationException>(() => NewModel().GetType(typeof(NoNamespaceAtAll)));

        Assert.Contains("Namespace = \"\"", error.Message, StringComparison.Ordinal);
    }

    // The hot path's reader, straight from the bytes, on the same document.
    private static object?[] ReadStreaming(XmlModelSerializer serializer, XElement written, RpcMessage message)
    {
        var reader = Utf8XmlPullReader.Rent(Encoding.UTF8.GetBytes(written.ToString(SaveOptions.DisableFormatting)), new XmlLimits(64, 256, 64));
        try
        {
            while (reader.Read() && reader.NodeType != System.Xml.XmlNodeType.Element)
            {
            }

            return serializer.ReadMessage(reader, message);
        }
        finally
        {
            Utf8XmlPullReader.Return(reader);
        }
    }

    private static void AssertValid(TypeModel model, RpcMessage message, XElement written, string[] expectedNamespaces)
    {
        var schemas = XsdSchemaBuilder.Build(model, [message], []);
        Assert.Equal(expectedNamespaces.Order(StringComparer.Ordinal), schemas.Select(s => (string)s.Attribute("targetNamespace")!).Order(StringComparer.Ordinal));
        Assert.Equal(Ns, (string?)schemas[0].Attribute("targetNamespace"));
        var set = new XmlSchemaSet();
        foreach (var schema in schemas)
        {
            set.Add(XmlSchema.Read(schema.CreateReader(), (_, e) => throw new XmlSchemaException(e.Message))!);
        }

        set.Compile();
        var errors = new List<string>();
        new XDocument(XElement.Parse(written.ToString())).Validate(set, (_, e) => errors.Add(e.Message));
        Assert.Empty(errors);
    }

    [DataContract]
    public sealed class Plain
    {
        [DataMember]
        public int Value { get; set; }
    }

    [DataContract(Namespace = OtherNs)]
    public sealed class Holder
    {
        [DataMember(Order = 1)]
        public Plain? Plain { get; set; }

        [DataMember(Order = 2)]
        public List<Elsewhere> Items { get; set; } = [];
    }

    [DataContract(Namespace = OtherNs)]
    public sealed class Elsewhere
    {
        [DataMember]
        public string? Code { get; set; }
    }

    public static class Outer
    {
        [DataContract]
        public sealed class Inner
        {
            [DataMember]
            public int Value { get; set; }
        }
    }

    [DataContract(Namespace = "")]
    public sealed class NoNamespaceAtAll
    {
        [DataMember]
        public int Value { get; set; }
    }
}
