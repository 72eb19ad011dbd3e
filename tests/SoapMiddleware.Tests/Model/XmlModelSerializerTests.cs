using System.Xml.Linq;
using SoapMiddleware.Model;
using static SoapMiddleware.Tests.Model.ModelTestHelpers;

namespace SoapMiddleware.Tests.Model;

public sealed class XmlModelSerializerTests
{
    public static TheoryData<object, string> PrimitiveValues => new()
    {
        { "plain text", "plain text" },
        { "a < b & c > d \"q\" 'a'", "a < b & c > d \"q\" 'a'" },
        { "héllo 世界 😀\ttab\nline", "héllo 世界 😀\ttab\nline" },
        { true, "true" },
        { false, "false" },
        { (sbyte)-128, "-128" },
        { (byte)255, "255" },
        { (short)-32768, "-32768" },
        { (ushort)65535, "65535" },
        { int.MaxValue, "2147483647" },
        { int.MinValue, "-2147483648" },
        { uint.MaxValue, "4294967295" },
        { long.MinValue, "-9223372036854775808" },
        { ulong.MaxValue, "18446744073709551615" },
        { 1.5f, "1.5" },
        { 0.1, "0.1" },
        { double.PositiveInfinity, "INF" },
        { 1.25m, "1.25" },
        { new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc), "2024-01-01T00:00:00Z" },
        { new DateTime(2024, 1, 1, 8, 30, 15, 250, DateTimeKind.Unspecified), "2024-01-01T08:30:15.25" },
        { new DateTimeOffset(2024, 5, 6, 7, 8, 9, TimeSpan.FromHours(2)), "2024-05-06T07:08:09+02:00" },
        { new DateOnly(2024, 2, 29), "2024-02-29" },
        { new TimeOnly(13, 45, 30, 500), "13:45:30.5" },
        { new TimeOnly(7, 0), "07:00:00" },
        { TimeSpan.FromMinutes(90), "PT1H30M" },
        { Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e"), "0f8fad5b-d9cb-469f-a165-70867728950e" },
        { new byte[] { 0, 1, 2, 255 }, "AAEC/w==" },
        { Color.Green, "Green" },
    };

    [Theory]
    [MemberData(nameof(PrimitiveValues))]
    public void WriteMessage_Primitive_WritesInvariantText(object value, string expected)
    {
        var serializer = new XmlModelSerializer(NewModel());
        var message = Single(serializer.Model, value.GetType());

        var wrapper = serializer.WriteMessage(message, [value]);

        Assert.Equal(Tns + "Echo", wrapper.Name);
        Assert.Equal(Tns + "value", wrapper.Elements().Single().Name);
        Assert.Equal(expected, wrapper.Elements().Single().Value);
    }

    [Theory]
    [MemberData(nameof(PrimitiveValues))]
    public void ReadMessage_WrittenPrimitiveThroughText_RoundTrips(object value, string expected)
    {
        var serializer = new XmlModelSerializer(NewModel());
        var message = Single(serializer.Model, value.GetType());
        var text = serializer.WriteMessage(message, [value]).ToString(SaveOptions.DisableFormatting);

        var read = serializer.ReadMessage(XElement.Parse(text), message);

        Assert.Equal(value, read[0]);
        Assert.Equal(value.GetType(), read[0]!.GetType());
        Assert.NotEmpty(expected);
    }

    [Fact]
    public void ReadMessage_UtcDateTime_KeepsUtcKind()
    {
        var serializer = new XmlModelSerializer(NewModel());
        var message = Single(serializer.Model, typeof(DateTime));

        var read = (DateTime)serializer.ReadMessage(Parse($"<Echo xmlns='{Ns}'><value>2024-01-01T00:00:00Z</value></Echo>"), message)[0]!;

        Assert.Equal(DateTimeKind.Utc, read.Kind);
    }

    [Fact]
    public void WriteMessage_ControlCharacterInString_ThrowsInvalidOperation()
    {
        var serializer = new XmlModelSerializer(NewModel());
        var message = Single(serializer.Model, typeof(string));

        var ex = Assert.Throws<InvalidOperationException>(() => serializer.WriteMessage(message, ["bad\u0001char"]));

        Assert.Contains("value", ex.Message);
    }

    [Fact]
    public void ReadMessage_UnqualifiedChildren_AreAccepted()
    {
        var serializer = new XmlModelSerializer(NewModel());
        var message = Request(serializer.Model, "Add");

        var values = serializer.ReadMessage(Parse($"<Add xmlns='{Ns}'><a xmlns=''>2</a><b xmlns=''>3</b></Add>"), message);

        Assert.Equal([2, 3], values);
    }

    [Fact]
    public void ReadMessage_ChildrenOutOfOrder_AreMatchedByName()
    {
        var serializer = new XmlModelSerializer(NewModel());
        var message = Request(serializer.Model, "Add");

        var values = serializer.ReadMessage(Parse($"<Add xmlns='{Ns}'><b>3</b><a>2</a></Add>"), message);

        Assert.Equal([2, 3], values);
    }

    [Fact]
    public void ReadMessage_MissingOptionalParameters_UseDefaults()
    {
        var serializer = new XmlModelSerializer(NewModel());
        var message = Request(serializer.Model, "Optional");

        var values = serializer.ReadMessage(Parse($"<Optional xmlns='{Ns}'/>"), message);

        Assert.Equal([null, 7, Color.Blue, null, Guid.Empty], values);
    }

    [Fact]
    public void WriteMessage_NullOptionalMember_IsOmitted()
    {
        var serializer = new XmlModelSerializer(NewModel());
        var message = Request(serializer.Model, "Optional");

        var wrapper = serializer.WriteMessage(message, [null, 1, Color.Red, null, Guid.Empty]);

        Assert.Equal(["count", "color", "id"], wrapper.Elements().Select(e => e.Name.LocalName));
    }

    [Fact]
    public void WriteMessage_NullInNonNullableMember_ThrowsNamingMember()
    {
        var serializer = new XmlModelSerializer(NewModel());
        var message = Request(serializer.Model, "Echo");

        var ex = Assert.Throws<InvalidOperationException>(() => serializer.WriteMessage(message, [null]));

        Assert.Contains("'text'", ex.Message);
    }

    [Fact]
    public void WriteValue_Null_WritesXsiNil()
    {
        var serializer = new XmlModelSerializer(NewModel());

        var element = serializer.WriteValue(Tns + "Order", serializer.Model.GetType(typeof(Order)), null);

        Assert.Equal("true", element.Attribute(XName.Get("nil", "http://www.w3.org/2001/XMLSchema-instance"))?.Value);
    }

    [Fact]
    public void ReadMessage_EmptyMessage_ReturnsNoValues()
    {
        var serializer = new XmlModelSerializer(NewModel());
        var message = Request(serializer.Model, "Ping");

        var values = serializer.ReadMessage(Parse($"<Ping xmlns='{Ns}'/>"), message);

        Assert.Empty(values);
    }

    [Fact]
    public void WriteValue_NestedClass_RoundTrips()
    {
        var serializer = new XmlModelSerializer(NewModel());
        var type = serializer.Model.GetType(typeof(Order));
        var order = new Order
        {
            Id = 7, Customer = "Ann", Note = null, Color = Color.Blue, ShippedAt = new DateTime(2024, 3, 1, 0, 0, 0, DateTimeKind.Utc),
            Lines = [new OrderLine("Tea", 2, 1.5m), new OrderLine("<Cake & Co>", 1, 3m)],
        };

        var element = serializer.WriteValue(Tns + "Order", type, order);
        var read = (Order)serializer.ReadValue(XElement.Parse(element.ToString()), type)!;

        Assert.Null(element.Element(Tns + "Note"));
        Assert.Null(element.Element(Tns + "Secret"));
        Assert.Equal((7, "Ann", null, Color.Blue, order.ShippedAt), (read.Id, read.Customer, read.Note, read.Color, read.ShippedAt));
        Assert.Equal(order.Lines, read.Lines);
        Assert.Equal("hidden", read.Secret);
    }

    [Fact]
    public void ReadValue_Record_ConstructsThroughPrimaryConstructor()
    {
        var serializer = new XmlModelSerializer(NewModel());
        var type = serializer.Model.GetType(typeof(Customer));

        var read = serializer.ReadValue(Parse($"<Customer xmlns='{Ns}'><Code>ABC-1234</Code><Name>Ann</Name></Customer>"), type);

        Assert.Equal(new Customer("ABC-1234", "Ann", 3, null), read);
    }

    [Fact]
    public void ReadValue_AbsentProperty_KeepsInitializerValue()
    {
        var serializer = new XmlModelSerializer(NewModel());
        var type = serializer.Model.GetType(typeof(Defaults));

        var read = (Defaults)serializer.ReadValue(Parse($"<Defaults xmlns='{Ns}'><Size>1</Size></Defaults>"), type)!;

        Assert.Equal((1, "initial"), (read.Size, read.Label));
    }

    [Fact]
    public void WriteValue_Struct_RoundTrips()
    {
        var serializer = new XmlModelSerializer(NewModel());
        var type = serializer.Model.GetType(typeof(Point));

        var read = serializer.ReadValue(serializer.WriteValue(Tns + "Point", type, new Point { X = -1, Y = 2 }), type);

        Assert.Equal(new Point { X = -1, Y = 2 }, read);
    }

    [Fact]
    public void WriteValue_RecursiveTree_RoundTrips()
    {
        var serializer = new XmlModelSerializer(NewModel());
        var type = serializer.Model.GetType(typeof(Node));
        var tree = new Node { Name = "root", Next = new Node { Name = "next" }, Children = [new Node { Name = "c1" }, new Node { Name = "c2" }] };

        var read = (Node)serializer.ReadValue(serializer.WriteValue(Tns + "Node", type, tree), type)!;

        Assert.Equal(("root", "next", null), (read.Name, read.Next!.Name, read.Next.Next));
        Assert.Equal(["c1", "c2"], read.Children.Select(c => c.Name));
    }

    [Fact]
    public void WriteValue_CyclicGraph_ThrowsInvalidOperation()
    {
        var serializer = new XmlModelSerializer(NewModel());
        var type = serializer.Model.GetType(typeof(Node));
        var node = new Node { Name = "loop" };
        node.Next = node;

        var ex = Assert.Throws<InvalidOperationException>(() => serializer.WriteValue(Tns + "Node", type, node));

        Assert.Contains("cycle", ex.Message);
    }

    [Fact]
    public void ReadValue_DeeplyNestedDocument_IsAClientFault()
    {
        var serializer = new XmlModelSerializer(NewModel());
        var type = serializer.Model.GetType(typeof(Node));
        var xml = string.Concat(Enumerable.Repeat("<Next><Name>n</Name>", 100)) + string.Concat(Enumerable.Repeat("</Next>", 100));

        var fault = Assert.Throws<RpcFault>(() => serializer.ReadValue(Parse($"<Node xmlns='{Ns}'><Name>r</Name>{xml}</Node>"), type));

        Assert.Equal(RpcFaultCode.Client, fault.Code);
    }

    [Fact]
    public void WriteValue_GenericPage_RoundTrips()
    {
        var serializer = new XmlModelSerializer(NewModel());
        var type = serializer.Model.GetType(typeof(Page<int>));

        var read = (Page<int>)serializer.ReadValue(serializer.WriteValue(Tns + "Page", type, new Page<int> { Number = 2, Items = [1, 2] }), type)!;

        Assert.Equal("PageOfint", type.SchemaName.Name);
        Assert.Equal(2, read.Number);
        Assert.Equal([1, 2], read.Items);
    }
}
