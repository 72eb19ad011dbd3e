using System.Xml.Linq;
using SoapMiddleware.Model;
using static SoapMiddleware.Tests.Model.ModelTestHelpers;

namespace SoapMiddleware.Tests.Model;

public sealed class ArraySerializationTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(50)]
    public void WriteMessage_IntArray_WrapsItemsAndRoundTrips(int count)
    {
        var serializer = new XmlModelSerializer(NewModel());
        var message = Single(serializer.Model, typeof(int[]));
        var values = Enumerable.Range(1, count).ToArray();

        var wrapper = serializer.WriteMessage(message, [values]);
        var read = serializer.ReadMessage(XElement.Parse(wrapper.ToString()), message);

        var items = wrapper.Element(Tns + "value")!.Elements().ToList();
        Assert.Equal(count, items.Count);
        Assert.All(items, e => Assert.Equal(Tns + "int", e.Name));
        Assert.Equal(values, Assert.IsType<int[]>(read[0]));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(50)]
    public void WriteValue_ListOfRecords_RoundTrips(int count)
    {
        var serializer = new XmlModelSerializer(NewModel());
        var type = serializer.Model.GetType(typeof(List<OrderLine>));
        var lines = Enumerable.Range(1, count).Select(i => new OrderLine("P" + i, i % 100 + 1, i * 0.5m)).ToList();

        var read = serializer.ReadValue(serializer.WriteValue(Tns + "Lines", type, lines), type);

        Assert.Equal(lines, Assert.IsType<List<OrderLine>>(read));
    }

    [Fact]
    public void ReadValue_CollectionShapes_ProduceDeclaredTypes()
    {
        var serializer = new XmlModelSerializer(NewModel());
        var type = serializer.Model.GetType(typeof(Shapes));
        var shapes = new Shapes
        {
            Array = [1, 2], List = ["a", "b"], ReadOnly = [3], Sequence = [Color.Red, Color.Blue],
            NullableItems = [1, null, 3], Nested = [[1], [], [2, 3]],
        };

        var read = (Shapes)serializer.ReadValue(serializer.WriteValue(Tns + "Shapes", type, shapes), type)!;

        Assert.Equal([1, 2], read.Array!);
        Assert.Equal(["a", "b"], Assert.IsType<List<string>>(read.List));
        Assert.Equal([3], read.ReadOnly!);
        Assert.Equal([Color.Red, Color.Blue], read.Sequence!);
        Assert.Equal([1, null, 3], Assert.IsType<List<int?>>(read.NullableItems));
        Assert.Equal([[1], [], [2, 3]], read.Nested!);
    }

    [Fact]
    public void WriteValue_NullArrays_AreOmittedAndReadAsNull()
    {
        var serializer = new XmlModelSerializer(NewModel());
        var type = serializer.Model.GetType(typeof(Shapes));

        var element = serializer.WriteValue(Tns + "Shapes", type, new Shapes());
        var read = (Shapes)serializer.ReadValue(element, type)!;

        Assert.Empty(element.Elements());
        Assert.Null(read.Array);
        Assert.Null(read.List);
    }

    [Fact]
    public void WriteMessage_NullStringItem_WritesNilAndRoundTrips()
    {
        var serializer = new XmlModelSerializer(NewModel());
        var message = Request(serializer.Model, "Strings");

        var wrapper = serializer.WriteMessage(message, [new List<string?> { "a", null }, new string?[] { null }]);
        var read = serializer.ReadMessage(XElement.Parse(wrapper.ToString()), message);

        Assert.Equal(["a", null], Assert.IsType<List<string?>>(read[0]));
        Assert.Null(Assert.Single(Assert.IsType<string?[]>(read[1])));
    }

    [Fact]
    public void ReadValue_NilItemInIntArray_IsAClientFault()
    {
        var serializer = new XmlModelSerializer(NewModel());
        var type = serializer.Model.GetType(typeof(int[]));

        var fault = Assert.Throws<RpcFault>(() => serializer.ReadValue(
            Parse($"<values xmlns='{Ns}' xmlns:xsi='http://www.w3.org/2001/XMLSchema-instance'><int>1</int><int xsi:nil='true'/></values>"), type));

        Assert.Equal("Element 'values/int[2]': xsi:nil is not allowed here (nillable=false).", fault.Message);
    }

    [Fact]
    public void ReadValue_WrongItemName_IsAClientFault()
    {
        var serializer = new XmlModelSerializer(NewModel());
        var type = serializer.Model.GetType(typeof(int[]));

        var fault = Assert.Throws<RpcFault>(() => serializer.ReadValue(Parse($"<values xmlns='{Ns}'><int>1</int><long>2</long></values>"), type));

        Assert.Equal(RpcFaultCode.Client, fault.Code);
        Assert.StartsWith("Element 'values/int[2]': unknown element 'long'", fault.Message);
    }

    [Fact]
    public void WriteValue_IEnumerableNotAList_WritesEveryItem()
    {
        var serializer = new XmlModelSerializer(NewModel());
        var type = serializer.Model.GetType(typeof(IEnumerable<int>));

        var element = serializer.WriteValue(Tns + "values", type, Enumerable.Range(1, 3).Select(i => i * 2));

        Assert.Equal(["2", "4", "6"], element.Elements(Tns + "int").Select(e => e.Value));
    }
}
