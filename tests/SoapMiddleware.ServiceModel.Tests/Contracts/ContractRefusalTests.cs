using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using SoapMiddleware.Model;
using SoapMiddleware.ServiceModel.Contracts;
using static SoapMiddleware.ServiceModel.Tests.Contracts.RefusedContracts;

namespace SoapMiddleware.ServiceModel.Tests.Contracts;

/// <summary>Every attribute family the type model cannot express is refused, naming the member and the attribute.</summary>
public sealed class ContractRefusalTests
{
    [Theory]
    [InlineData(typeof(IXmlSerializerFormat), "IXmlSerializerFormat", "Use = Encoded)]")]
    [InlineData(typeof(IXmlAttributeComplex), "WithComplexAttribute.Inner", "[XmlAttribute(\"inner\")] on a 'WithNamespacedAttribute'")]
    [InlineData(typeof(IXmlAttributeNamespace), "WithNamespacedAttribute.Value", "[XmlAttribute] with Namespace, Form, DataType or Type")]
    [InlineData(typeof(IXmlAttributeNullable), "WithNullableAttribute.Value", "[XmlAttribute] on a 'Nullable`1'")]
    [InlineData(typeof(IXmlArrayItem), "WithXmlArrayItem.Values", "[XmlArrayItem(\"entry\")]")]
    [InlineData(typeof(IServiceKnownTypeUnrelated), "IServiceKnownTypeUnrelated", "[ServiceKnownType(typeof(Good))]")]
    [InlineData(typeof(IKnownTypeUnrelated), "IKnownTypeUnrelated.Put(value)", "[KnownType(typeof(Good))] (on 'WithUnrelatedKnownType')")]
    [InlineData(typeof(IKnownTypeMethod), "IKnownTypeMethod.Put(value)", "[KnownType(\"Known\")] (on 'WithKnownTypeMethod')")]
    [InlineData(typeof(IXmlIncludeUnrelated), "IXmlIncludeUnrelated.Put(value)", "[XmlInclude(typeof(XmlGoods))] (on 'WithUnrelatedXmlInclude')")]
    [InlineData(typeof(IServiceKnownTypeInXmlFormat), "IServiceKnownTypeInXmlFormat", "[ServiceKnownType] in an [XmlSerializerFormat] contract")]
    [InlineData(typeof(ICollectionDictionary), "ICollectionDictionary.Get (result)", "[CollectionDataContract(KeyName/ValueName)] (on 'Scores')")]
    [InlineData(typeof(ICollectionInXmlFormat), "ICollectionInXmlFormat.Put(goods)", "[CollectionDataContract] (on 'XmlGoods') in an [XmlSerializerFormat] contract")]
    [InlineData(typeof(IPoco), "IPoco.Get (result)", "without [DataContract]")]
    [InlineData(typeof(IReadonlyField), "ReadonlyField.Value", "[DataMember], which cannot be honoured: it is a readonly field")]
    [InlineData(typeof(IFieldOfPoco), "FieldOfPoco.Inner", "without [DataContract]")]
    [InlineData(typeof(IGetOnlyMember), "GetOnlyMember.Value", "[DataMember]")]
    [InlineData(typeof(INamedFault), "INamedFault.Run", "[FaultContract(typeof(Good), Name/Namespace)]")]
    [InlineData(typeof(ICatchAll), "ICatchAll.Any", "[OperationContract(Action = \"*\")]")]
    [InlineData(typeof(ISession), "ISession", "[ServiceContract(SessionMode = Required)]")]
    public void Read_UnsupportedAttribute_RefusedNamingMemberAndAttribute(Type contract, string member, string attribute)
    {
        var reader = new ServiceContractReader();

        var error = Assert.Throws<InvalidOperationException>(() => reader.Read(contract, new TypeModel(reader.NamespaceOf(contract))));

        Assert.True(error.Message.Contains(member, StringComparison.Ordinal) && error.Message.Contains(attribute, StringComparison.Ordinal), error.Message);
    }

    // Refused until message contracts were mapped: now its body member is the request's part, its header a typed header.
    [Fact]
    public void Read_MessageContract_ServedAsWrapperPartsAndHeaders()
    {
        var reader = new ServiceContractReader();

        var operation = Assert.Single(reader.Read(typeof(IMessageContract), new TypeModel(reader.NamespaceOf(typeof(IMessageContract)))).Operations);

        Assert.Equal("Envelope", operation.Request.ElementName);
        Assert.Equal("Value", Assert.Single(operation.Request.Members).Name);
        var header = Assert.Single(operation.Headers);
        Assert.Equal(System.Xml.Linq.XName.Get("Token", Ns), header.Element);
        Assert.True(header.IsIn && !header.IsOut && !header.Required);
        Assert.Empty(operation.WireParameters);
    }

    // Once refused (the model had one namespace per endpoint), now served as DataContractSerializer writes them.
    [Theory]
    [InlineData(typeof(INoNamespace), "RefusedContracts.NoNamespace", "http://schemas.datacontract.org/2004/07/SoapMiddleware.ServiceModel.Tests.Contracts", "Value")]
    [InlineData(typeof(IPrimitiveList), "ArrayOfint", "http://schemas.microsoft.com/2003/10/Serialization/Arrays", "int")]
    public void Read_DataContractNamespaces_ServedInTheirOwnNamespace(Type contract, string typeName, string ns, string childName)
    {
        var reader = new ServiceContractReader();

        var result = reader.Read(contract, new TypeModel(reader.NamespaceOf(contract))).Operations.Single().Response.Members.Single();

        Assert.Equal(RefusedContracts.Ns, result.ElementName!.NamespaceName);
        Assert.Equal(new System.Xml.XmlQualifiedName(typeName, ns), result.Type.SchemaName);
        Assert.Equal(System.Xml.Linq.XName.Get(childName, ns), result.Type.Members.Count > 0 ? result.Type.Members[0].ElementName : result.Type.ItemElementName);
    }

    [Fact]
    public void Read_CollectionDataContractWithoutNamespace_ServedInItsOwnNamespace()
    {
        const string ns = "http://schemas.datacontract.org/2004/07/SoapMiddleware.ServiceModel.Tests.Contracts";
        var reader = new ServiceContractReader();

        var goods = reader.Read(typeof(ICollectionNoNamespace), new TypeModel(RefusedContracts.Ns)).Operations.Single().Request.Members.Single().Type;

        Assert.Equal(new System.Xml.XmlQualifiedName("RefusedContracts.Goods", ns), goods.SchemaName);
        Assert.Equal(System.Xml.Linq.XName.Get("good", ns), goods.ItemElementName);
    }

    [Fact]
    public void Read_XmlSerializerContractBesideDataContractOne_RefusedNamingIt()
    {
        var model = new TypeModel(RefusedContracts.Ns);
        new ServiceContractReader().Read(typeof(IPrimitiveList), model);

        var error = Assert.Throws<InvalidOperationException>(() => new ServiceContractReader().Read(typeof(IXmlArrayItemFree), model));

        Assert.Contains("'IXmlArrayItemFree' uses [XmlSerializerFormat]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_GenericDataContractOfDataContract_RefusedAskingForAName()
    {
        var reader = new ServiceContractReader();

        var error = Assert.Throws<InvalidOperationException>(() => reader.Read(typeof(IGenericContract), new TypeModel(RefusedContracts.Ns)));

        Assert.Contains("IGenericContract.Get", error.Message, StringComparison.Ordinal);
        Assert.Contains("Box", error.Message, StringComparison.Ordinal);
        Assert.Contains("[DataContract(Name = ...)]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_GenericDataContractOfPrimitive_NamedAsDataContractSerializerDoes()
    {
        var service = new ServiceContractReader().Read(typeof(IPrimitiveBox), new TypeModel(RefusedContracts.Ns));

        Assert.Equal(new System.Xml.XmlQualifiedName("BoxOfint", RefusedContracts.Ns), service.Operations.Single().Response.Members.Single().Type.SchemaName);
    }

    [Fact]
    public void Read_FormerlyRefusedContracts_ServedWithTheirXmlShape()
    {
        var reader = new ServiceContractReader();
        var model = new TypeModel(FormerlyRefusedContracts.Ns);

        reader.Read(typeof(FormerlyRefusedContracts.IXmlAttribute), model);
        reader.Read(typeof(FormerlyRefusedContracts.ICollectionDataContract), model);
        reader.Read(typeof(FormerlyRefusedContracts.IFieldMember), model);

        Assert.True(model.GetType(typeof(FormerlyRefusedContracts.WithXmlAttribute)).Members.Single().IsAttribute);
        var names = model.GetType(typeof(FormerlyRefusedContracts.Names));
        // Nested in FormerlyRefusedContracts: DataContractSerializer names it Outer.Inner.
        Assert.Equal(("FormerlyRefusedContracts.Names", "name"), (names.SchemaName.Name, names.ItemElementName!.LocalName));
        Assert.Equal("Value", model.GetType(typeof(FormerlyRefusedContracts.FieldMember)).Members.Single().Name);
    }

    // Refused until the type model had xsi:type: a derived data contract in place of its base.
    [Fact]
    public void Read_KnownTypes_DerivedTypesStandInPlaceOfTheirBase()
    {
        var reader = new ServiceContractReader();
        var model = new TypeModel(FormerlyRefusedContracts.Ns);

        reader.Read(typeof(FormerlyRefusedContracts.IKnownType), model);
        reader.Read(typeof(FormerlyRefusedContracts.IServiceKnownType), model);

        var withKnownType = model.GetType(typeof(FormerlyRefusedContracts.WithKnownType));
        var known = Assert.Single(withKnownType.KnownTypes);
        Assert.Equal(typeof(FormerlyRefusedContracts.DerivedKnownType), known.ClrType);
        Assert.Same(withKnownType, known.BaseType);
        Assert.Equal(["Value", "Extra"], known.Members.Select(m => m.Name));
        Assert.Equal(1, known.InheritedMemberCount);
        var serviceKnown = Assert.Single(model.GetType(typeof(FormerlyRefusedContracts.ServiceKnownBase)).KnownTypes);
        Assert.Equal(typeof(FormerlyRefusedContracts.ServiceKnownDerived), serviceKnown.ClrType);
        Assert.False(model.GetType(typeof(FormerlyRefusedContracts.ServiceKnownDerived)).IsPolymorphic);

        // XmlSerializer's [XmlInclude], in a contract of its own format (a model of its own).
        var xmlModel = new TypeModel(FormerlyRefusedContracts.Ns);
        reader.Read(typeof(FormerlyRefusedContracts.IXmlInclude), xmlModel);
        var included = Assert.Single(xmlModel.GetType(typeof(FormerlyRefusedContracts.WithXmlInclude)).KnownTypes);
        Assert.Equal((typeof(FormerlyRefusedContracts.DerivedXmlInclude), 1), (included.ClrType, included.InheritedMemberCount));
    }

    [Fact]
    public void MapRpc_RefusedContract_FailsAtStartup()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Services.AddRpc().AddServiceContract<IXmlSerializerFormat, XmlSerializerFormatService>();
        var app = builder.Build();

        var error = Assert.Throws<InvalidOperationException>(() => app.MapRpc<IXmlSerializerFormat>("/x.svc"));

        Assert.Contains("[XmlSerializerFormat(", error.Message, StringComparison.Ordinal);
    }

    private sealed class XmlSerializerFormatService : IXmlSerializerFormat
    {
        public int Add(int a, int b) => a + b;
    }
}
