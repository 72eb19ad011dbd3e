using System.Xml.Linq;
using System.Xml.Schema;
using SoapMiddleware.Model;
using static SoapMiddleware.Tests.Model.ModelTestHelpers;

namespace SoapMiddleware.Tests.Model;

/// <summary>[CollectionDataContract] collections and [DataMember] fields, as DataContractSerializer writes them.</summary>
public sealed class DataContractCollectionTests
{
    private static readonly XNamespace Xs = "http://www.w3.org/2001/XMLSchema";

    [Fact]
    public void GetType_CollectionDataContract_NameAndItemNameFromTheAttribute()
    {
        var type = NewModel().GetType(typeof(Titles));

        Assert.Equal(RpcTypeKind.Array, type.Kind);
        Assert.Equal("TitleList", type.SchemaName.Name);
        Assert.Equal(Tns + "title", type.ItemElementName);
        Assert.True(type.ItemNillable);
    }

    [Fact]
    public void GetType_CollectionDataContractDefaults_ClassNameAndItemContractName()
    {
        var type = NewModel().GetType(typeof(Ledgers));

        Assert.Equal("Ledgers", type.SchemaName.Name);
        Assert.Equal(Tns + "Ledger", type.ItemElementName);
    }

    [Fact]
    public void GetType_CollectionDataContractInOtherNamespace_TypeAndItemsInIt()
    {
        var type = NewModel().GetType(typeof(ElsewhereList));

        Assert.Equal(new System.Xml.XmlQualifiedName("ElsewhereList", "urn:elsewhere"), type.SchemaName);
        Assert.Equal(XName.Get("int", "urn:elsewhere"), type.ItemElementName);
    }

    [Fact]
    public void WriteAndRead_Titles_ItemNameOnTheWireAndCollectionTypeBack()
    {
        var serializer = new XmlModelSerializer(NewModel());
        var type = serializer.Model.GetType(typeof(Titles));

        var written = serializer.WriteValue(Tns + "titles", type, new Titles { "a", null, "c" });
        var read = serializer.ReadValue(written, type);

        Assert.Equal([Tns + "title", Tns + "title", Tns + "title"], written.Elements().Select(e => e.Name));
        var titles = Assert.IsType<Titles>(read);
        Assert.Equal(["a", null, "c"], titles);
    }

    [Fact]
    public void ReadValue_WrongItemName_FaultNamesTheCollectionsItemName()
    {
        var serializer = new XmlModelSerializer(NewModel());
        var type = serializer.Model.GetType(typeof(Titles));

        var fault = Assert.Throws<RpcFault>(() => serializer.ReadValue(XElement.Parse("<titles xmlns='urn:test'><title>a</title><string>b</string></titles>"), type));

        Assert.Equal("Element 'titles/title[2]': unknown element 'string'; expected 'title' items.", fault.Message);
    }

    [Fact]
    public void GetType_DataMemberFields_PublicAndPrivateInOrder()
    {
        var type = NewModel().GetType(typeof(Ledger));

        Assert.Equal(["Owner", "balance", "Entries"], type.Members.Select(m => m.Name));
    }

    [Fact]
    public void WriteAndRead_DataMemberFields_RoundTripIncludingThePrivateOne()
    {
        var serializer = new XmlModelSerializer(NewModel());
        var type = serializer.Model.GetType(typeof(Ledger));

        var written = serializer.WriteValue(Tns + "ledger", type, new Ledger { Owner = "Ann", Balance = 12.5m, Entries = 3 });
        var read = Assert.IsType<Ledger>(serializer.ReadValue(written, type));

        Assert.Equal("12.5", written.Element(Tns + "balance")!.Value);
        Assert.Equal(("Ann", 12.5m, 3), (read.Owner, read.Balance, read.Entries));
    }

    [Fact]
    public void GetType_ReadonlyDataMemberField_RefusedNamingIt()
    {
        var error = Assert.Throws<InvalidOperationException>(() => NewModel().GetType(typeof(ReadonlyField)));

        Assert.Contains("ReadonlyField.Value", error.Message, StringComparison.Ordinal);
        Assert.Contains("readonly field", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Schema_CollectionAndFields_CompilesAndWrittenValueValidates()
    {
        var serializer = new XmlModelSerializer(NewModel());
        var message = new RpcMessage("Keep", [
            serializer.Model.CreateMember("titles", typeof(Titles), nullable: true, required: false, []),
            serializer.Model.CreateMember("ledgers", typeof(Ledgers), nullable: true, required: false, []),
        ]);
        var schema = XsdSchemaBuilder.Build(serializer.Model, [message], []).Single();

        var titleList = schema.Elements(Xs + "complexType").Single(e => (string?)e.Attribute("name") == "TitleList");
        Assert.Equal("title", (string?)titleList.Descendants(Xs + "element").Single().Attribute("name"));
        var set = new XmlSchemaSet();
        set.Add(XmlSchema.Read(schema.CreateReader(), (_, e) => throw new XmlSchemaException(e.Message))!);
        set.Compile();
        var written = serializer.WriteMessage(message, [new Titles { "x" }, new Ledgers { new() { Owner = "o", Balance = 1m } }]);
        var errors = new List<string>();
        new XDocument(XElement.Parse(written.ToString())).Validate(set, (_, e) => errors.Add(e.Message));
        Assert.Empty(errors);
    }
}
