using System.Collections.Concurrent;
using SoapMiddleware.Model;
using static SoapMiddleware.Tests.Model.ModelTestHelpers;

namespace SoapMiddleware.Tests.Model;

public sealed class TypeModelTests
{
    [Theory]
    [InlineData(typeof(string), "string")]
    [InlineData(typeof(bool), "boolean")]
    [InlineData(typeof(sbyte), "byte")]
    [InlineData(typeof(byte), "unsignedByte")]
    [InlineData(typeof(short), "short")]
    [InlineData(typeof(ushort), "unsignedShort")]
    [InlineData(typeof(int), "int")]
    [InlineData(typeof(uint), "unsignedInt")]
    [InlineData(typeof(long), "long")]
    [InlineData(typeof(ulong), "unsignedLong")]
    [InlineData(typeof(float), "float")]
    [InlineData(typeof(double), "double")]
    [InlineData(typeof(decimal), "decimal")]
    [InlineData(typeof(DateTime), "dateTime")]
    [InlineData(typeof(DateTimeOffset), "dateTime")]
    [InlineData(typeof(DateOnly), "date")]
    [InlineData(typeof(TimeOnly), "time")]
    [InlineData(typeof(TimeSpan), "duration")]
    [InlineData(typeof(byte[]), "base64Binary")]
    public void GetType_Primitive_MapsToXsdType(Type clrType, string xsdName)
    {
        var model = NewModel();

        var type = model.GetType(clrType);

        Assert.Equal(RpcTypeKind.Primitive, type.Kind);
        Assert.Equal(xsdName, type.SchemaName.Name);
        Assert.Equal("http://www.w3.org/2001/XMLSchema", type.SchemaName.Namespace);
    }

    [Fact]
    public void GetType_Guid_IsNamedSimpleTypeInTargetNamespace()
    {
        var type = NewModel().GetType(typeof(Guid));

        Assert.Equal(("guid", Ns), (type.SchemaName.Name, type.SchemaName.Namespace));
    }

    [Fact]
    public void GetType_NullableInt_UnwrapsToInt()
    {
        var model = NewModel();

        var type = model.GetType(typeof(int?));

        Assert.Same(model.GetType(typeof(int)), type);
        Assert.Equal(typeof(int), type.ClrType);
    }

    [Theory]
    [InlineData(typeof(object), "System.Object")]
    [InlineData(typeof(Dictionary<string, int>), "Dictionary")]
    [InlineData(typeof(Action), "System.Action")]
    [InlineData(typeof(IComparable), "System.IComparable")]
    [InlineData(typeof(int[,]), "System.Int32[,]")]
    [InlineData(typeof(List<>), "List")]
    [InlineData(typeof(HashSet<int>), "HashSet")]
    [InlineData(typeof(char), "System.Char")]
    [InlineData(typeof(NoUsableConstructor), "NoUsableConstructor")]
    [InlineData(typeof(Permissions), "Permissions")]
    public void GetType_UnsupportedType_ThrowsNamingTheType(Type clrType, string expectedName)
    {
        var model = NewModel();

        var ex = Assert.Throws<InvalidOperationException>(() => model.GetType(clrType));

        Assert.Contains(expectedName, ex.Message);
    }

    [Fact]
    public void GetType_UnsupportedMember_NamesTheProperty()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => NewModel().GetType(typeof(Holder)));

        Assert.Contains("Holder.Bag", ex.Message);
    }

    [Fact]
    public void GetType_ClosedGeneric_IsNamedWithOf()
    {
        var type = NewModel().GetType(typeof(Page<Order>));

        Assert.Equal("PageOfOrder", type.SchemaName.Name);
        Assert.Equal("ArrayOfOrder", type.Members.Single(m => m.Name == "Items").Type.SchemaName.Name);
    }

    [Fact]
    public void GetType_TwoTypesWithOneName_ThrowsNamingBoth()
    {
        var model = NewModel();
        model.GetType(typeof(First.Item));

        var ex = Assert.Throws<InvalidOperationException>(() => model.GetType(typeof(Second.Item)));

        Assert.Contains("First+Item", ex.Message);
        Assert.Contains("Second+Item", ex.Message);
    }

    [Fact]
    public void GetType_FailedType_DoesNotPoisonTheModel()
    {
        var model = NewModel();
        Assert.Throws<InvalidOperationException>(() => model.GetType(typeof(Holder)));

        var type = model.GetType(typeof(Order));

        Assert.DoesNotContain(model.SchemaTypes, t => t.SchemaName.Name == "Holder");
        Assert.Contains(model.SchemaTypes, t => t == type);
    }

    [Fact]
    public void GetType_ArrayAndListOfSameItem_ShareSchemaName()
    {
        var model = NewModel();

        var array = model.GetType(typeof(int[]));
        var list = model.GetType(typeof(List<int>));
        var nullable = model.GetType(typeof(int?[]));

        Assert.Equal("ArrayOfint", array.SchemaName.Name);
        Assert.Equal("ArrayOfint", list.SchemaName.Name);
        Assert.Equal("ArrayOfNullableOfint", nullable.SchemaName.Name);
        Assert.True(nullable.ItemNillable);
        Assert.False(array.ItemNillable);
    }

    [Fact]
    public void GetType_RecursiveType_TerminatesAndRefersToItself()
    {
        var model = NewModel();

        var node = model.GetType(typeof(Node));

        Assert.Same(node, node.Members.Single(m => m.Name == "Next").Type);
        Assert.Same(node, node.Members.Single(m => m.Name == "Children").Type.ItemType);
    }

    [Fact]
    public void GetType_Class_DescribesSettablePropertiesOnly()
    {
        var order = NewModel().GetType(typeof(Order));

        Assert.Equal(["Id", "Customer", "Note", "Lines", "Color", "ShippedAt"], order.Members.Select(m => m.Name));
    }

    [Fact]
    public void GetType_NullabilityAnnotations_SetMinOccursAndNillable()
    {
        var order = NewModel().GetType(typeof(Order));
        var byName = order.Members.ToDictionary(m => m.Name);

        Assert.Equal((1, false), (byName["Id"].MinOccurs, byName["Id"].IsNillable));
        Assert.Equal((0, true), (byName["Note"].MinOccurs, byName["Note"].IsNillable));
        Assert.Equal((0, true), (byName["ShippedAt"].MinOccurs, byName["ShippedAt"].IsNillable));
        Assert.Equal((1, false), (byName["Lines"].MinOccurs, byName["Lines"].IsNillable));
    }

    [Fact]
    public void GetType_Record_UsesPrimaryConstructorParameters()
    {
        var customer = NewModel().GetType(typeof(Customer));
        var byName = customer.Members.ToDictionary(m => m.Name);

        Assert.Equal(["Code", "Name", "Level", "Email"], customer.Members.Select(m => m.Name));
        Assert.NotNull(byName["Code"].Constraints?.PatternRegex);
        Assert.Equal((0, true, 3), (byName["Level"].MinOccurs, byName["Level"].HasDefault, byName["Level"].DefaultValue));
    }

    [Fact]
    public void CreateParameterMember_NullableAndDefaults_AreOptional()
    {
        var model = NewModel();

        var note = model.CreateParameterMember(Parameter("Optional", "note"), "note");
        var count = model.CreateParameterMember(Parameter("Optional", "count"), "count");
        var color = model.CreateParameterMember(Parameter("Optional", "color"), "color");
        var text = model.CreateParameterMember(Parameter("Echo", "text"), "text");

        Assert.Equal((0, true), (note.MinOccurs, note.IsNillable));
        Assert.Equal((0, false, 7), (count.MinOccurs, count.IsNillable, count.DefaultValue));
        Assert.Equal(Color.Blue, color.DefaultValue);
        Assert.Equal((1, false), (text.MinOccurs, text.IsNillable));
    }

    [Fact]
    public void CreateParameterMember_RequiredOnNullable_WinsOverAnnotation()
    {
        var member = NewModel().CreateParameterMember(Parameter("Named", "name"), "name");

        Assert.Equal((1, false), (member.MinOccurs, member.IsNillable));
    }

    [Fact]
    public void CreateMember_RuleOnWrongType_ThrowsNamingMemberAndRule()
    {
        var ex = Assert.Throws<InvalidOperationException>(
            () => NewModel().CreateMember("count", typeof(int), false, true, [new System.ComponentModel.DataAnnotations.MaxLengthAttribute(3)]));

        Assert.Contains("count", ex.Message);
        Assert.Contains("[MaxLength]", ex.Message);
    }

    [Fact]
    public void SchemaTypes_AfterDescribingOrder_ListsEveryNamedType()
    {
        var model = NewModel();

        model.GetType(typeof(Order));

        Assert.Equal(["ArrayOfOrderLine", "Color", "Order", "OrderLine"], model.SchemaTypes.Select(t => t.SchemaName.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void GetType_ConcurrentCalls_ReturnOneInstance()
    {
        var model = NewModel();
        var seen = new ConcurrentBag<RpcType>();

        Parallel.For(0, 32, _ => seen.Add(model.GetType(typeof(Page<Node>))));

        Assert.Single(seen.Distinct());
    }

    public sealed class Holder
    {
        public Dictionary<string, int> Bag { get; set; } = [];
    }
}
