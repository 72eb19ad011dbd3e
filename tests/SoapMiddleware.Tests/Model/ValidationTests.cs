using SoapMiddleware.Model;
using static SoapMiddleware.Tests.Model.ModelTestHelpers;

namespace SoapMiddleware.Tests.Model;

public sealed class ValidationTests
{
    private const string Xsi = "xmlns:xsi='http://www.w3.org/2001/XMLSchema-instance'";

    private static RpcFault Read(string method, string body)
    {
        var serializer = new XmlModelSerializer(NewModel());
        var message = Request(serializer.Model, method);
        var fault = Assert.Throws<RpcFault>(() => serializer.ReadMessage(Parse($"<{method} xmlns='{Ns}' {Xsi}>{body}</{method}>"), message));
        Assert.Equal(RpcFaultCode.Client, fault.Code);
        return fault;
    }

    private static object?[] ReadValid(string method, string body)
    {
        var serializer = new XmlModelSerializer(NewModel());
        return serializer.ReadMessage(Parse($"<{method} xmlns='{Ns}' {Xsi}>{body}</{method}>"), Request(serializer.Model, method));
    }

    [Fact]
    public void ReadMessage_UnparsableInt_NamesElementAndType()
        => Assert.Equal("Element 'Add/a': 'abc' is not a valid xs:int.", Read("Add", "<a>abc</a><b>1</b>").Message);

    [Theory]
    [InlineData("2147483648")]
    [InlineData("-2147483649")]
    public void ReadMessage_Int32Overflow_IsOutOfRange(string text)
        => Assert.Equal($"Element 'Add/a': '{text}' is outside the range of xs:int.", Read("Add", $"<a>{text}</a><b>1</b>").Message);

    [Fact]
    public void ReadMessage_Int32Limits_AreAccepted()
        => Assert.Equal([int.MaxValue, int.MinValue], ReadValid("Add", "<a>2147483647</a><b>-2147483648</b>"));

    [Fact]
    public void ReadMessage_MissingRequiredElement_NamesIt()
        => Assert.Equal("Element 'Add/b': the required element is missing (minOccurs=1).", Read("Add", "<a>1</a>").Message);

    [Fact]
    public void ReadMessage_UnknownElement_NamesItAndTheExpectedOnes()
        => Assert.Equal("Element 'Add/c': unknown element; expected a, b.", Read("Add", "<a>1</a><b>2</b><c>3</c>").Message);

    [Fact]
    public void ReadMessage_ElementInForeignNamespace_IsUnknown()
        => Assert.StartsWith("Element 'Add/a': unknown element", Read("Add", "<a xmlns='urn:other'>1</a><b>2</b>").Message);

    [Fact]
    public void ReadMessage_DuplicateElement_IsRejected()
        => Assert.Equal("Element 'Add/a': the element appears more than once.", Read("Add", "<a>1</a><a>1</a><b>2</b>").Message);

    [Fact]
    public void ReadMessage_NilOnNonNillable_IsRejected()
        => Assert.Equal("Element 'Add/a': xsi:nil is not allowed here (nillable=false).", Read("Add", "<a xsi:nil='true'/><b>2</b>").Message);

    [Fact]
    public void ReadMessage_NilOnNillable_ReadsNull()
        => Assert.Null(ReadValid("Optional", "<note xsi:nil='true'/>")[0]);

    [Fact]
    public void ReadMessage_UnknownEnumName_IsRejected()
        => Assert.Equal("Element 'Optional/color': 'Purple' is not a valid tns:Color (enumeration).", Read("Optional", "<color>Purple</color>").Message);

    [Fact]
    public void ReadMessage_MalformedGuid_IsRejected()
        => Assert.Equal("Element 'Optional/id': 'xyz' is not a valid tns:guid.", Read("Optional", "<id>xyz</id>").Message);

    [Fact]
    public void ReadMessage_RangeViolation_NamesRangeRule()
        => Assert.Equal("Element 'GetOrder/lines': value 0 is outside the range 1..1000 (Range).", Read("GetOrder", "<lines>0</lines><code>abc</code>").Message);

    [Theory]
    [InlineData("<ratio>0.4</ratio><amount>1</amount>", "Element 'Measure/ratio': value 0.4 is outside the range 0.5..9.5 (Range).")]
    [InlineData("<ratio>1</ratio><amount>100.26</amount>", "Element 'Measure/amount': value 100.26 is outside the range 0..100.25 (Range).")]
    public void ReadMessage_FloatingAndDecimalRange_AreChecked(string body, string expected)
        => Assert.Equal(expected, Read("Measure", body).Message);

    [Fact]
    public void ReadMessage_RangeBoundaries_AreInclusive()
        => Assert.Equal([9.5, 100.25m], ReadValid("Measure", "<ratio>9.5</ratio><amount>100.25</amount>"));

    [Theory]
    [InlineData("ABC")]
    [InlineData("abc1")]
    [InlineData("abc\n")]
    public void ReadMessage_PatternMismatch_NamesRegularExpressionRule(string code)
        => Assert.Equal($"Element 'GetOrder/code': '{code}' does not match the pattern '[a-z]+' (RegularExpression).", Read("GetOrder", $"<lines>1</lines><code>{code}</code>").Message);

    [Fact]
    public void ReadMessage_RequiredStringEmpty_IsRejected()
        => Assert.Equal("Element 'Named/name': an empty value is not allowed (Required).", Read("Named", "<name>  </name>").Message);

    [Fact]
    public void ReadMessage_RequiredAllowingEmpty_AcceptsEmpty()
        => Assert.Equal([""], ReadValid("AllowEmpty", "<text/>"));

    [Fact]
    public void ReadMessage_RequiredNullableMissing_IsRejected()
        => Assert.Equal("Element 'Named/name': the required element is missing (minOccurs=1).", Read("Named", "").Message);

    [Fact]
    public void ReadMessage_StringTooLong_NamesStringLengthRule()
        => Assert.Equal("Element 'Named/tag': length 6 is above the maximum of 5 characters (StringLength).", Read("Named", "<name>n</name><tag>abcdef</tag>").Message);

    [Theory]
    [InlineData("", "item count 0 is below the minimum of 1 items (MinLength).")]
    [InlineData("<int>1</int><int>2</int><int>3</int><int>4</int>", "item count 4 is above the maximum of 3 items (MaxLength).")]
    public void ReadMessage_ArrayCount_IsChecked(string items, string rule)
        => Assert.Equal("Element 'Named/items': " + rule, Read("Named", $"<name>n</name><items>{items}</items>").Message);

    [Fact]
    public void ReadMessage_NestedRangeViolation_NamesFullPath()
    {
        var body = "<order><Id>1</Id><Customer>Ann</Customer><Lines><OrderLine><Product>a</Product><Quantity>1</Quantity><Price>1</Price></OrderLine>"
            + "<OrderLine><Product>b</Product><Quantity>0</Quantity><Price>1</Price></OrderLine></Lines><Color>Red</Color></order>";

        var fault = Read("Place", body);

        Assert.Equal("Element 'Place/order/Lines/OrderLine[2]/Quantity': value 0 is outside the range 1..100 (Range).", fault.Message);
    }

    [Fact]
    public void ReadMessage_NestedStringLength_NamesMinimum()
    {
        var fault = Read("Place", "<order><Id>1</Id><Customer>A</Customer><Lines/><Color>Red</Color></order>");

        Assert.Equal("Element 'Place/order/Customer': length 1 is below the minimum of 2 characters (StringLength).", fault.Message);
    }

    [Fact]
    public void ReadMessage_RecordPositionalAttribute_IsValidated()
    {
        var fault = Read("Register", "<customer><Code>abc-12</Code><Name>Ann</Name></customer>");

        Assert.Equal("Element 'Register/customer/Code': 'abc-12' does not match the pattern '[A-Z]{3}-\\d{4}' (RegularExpression).", fault.Message);
    }

    [Fact]
    public void ReadValue_ParseErrorAtRoot_NamesTheRoot()
    {
        var serializer = new XmlModelSerializer(NewModel());

        var fault = Assert.Throws<RpcFault>(() => serializer.ReadValue(Parse($"<Level xmlns='{Ns}'>high</Level>"), serializer.Model.GetType(typeof(int))));

        Assert.Equal("Element 'Level': 'high' is not a valid xs:int.", fault.Message);
    }
}
