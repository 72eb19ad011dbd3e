using System.Globalization;
using SoapMiddleware.MessagePack.Tests.Infrastructure;
using SoapMiddleware.MessagePack.Tests.Service;
using SoapMiddleware.MessagePack.Tests.Wire;
using static SoapMiddleware.MessagePack.Tests.Infrastructure.MsgPack;

namespace SoapMiddleware.MessagePack.Tests;

/// <summary>Every operation and fault over <c>application/msgpack</c>, the requests built by MessagePack-CSharp.</summary>
[Collection(ToolServerCollection.Name)]
public sealed class MessagePackCallTests(ToolServer server)
{
    private const string Path = "/msgpack/tools";

    [Theory]
    [InlineData("hello")]
    [InlineData("")]
    [InlineData("unicode: żółć 日本語 🚀")]
    [InlineData("markup <a href='x'>&amp; & < > \" ' \\ \t\n")]
    public async Task Echo_ReturnsTheText(string text)
    {
        var response = await CallAsync(server.Client, Path, new { Echo = new { text } });

        Assert.Equal(text, response.Result<string>("Echo"));
    }

    [Theory]
    [InlineData(1, 2, 3)]
    [InlineData(-5, 3, -2)]
    [InlineData(int.MaxValue, 1, int.MinValue)]
    [InlineData(int.MinValue, 0, int.MinValue)]
    public async Task Add_ReturnsTheSum(int a, int b, int sum)
    {
        var response = await CallAsync(server.Client, Path, new { Add = new { a, b } });

        Assert.Equal(sum, response.Result<int>("Add"));
    }

    [Fact]
    public async Task Add_TheIssueExample_ExactBytes()
    {
        // {"Add": {"a": 1, "b": 2}} in MessagePack, and {"AddResult": 3} back: the bytes any client sends and reads.
        byte[] request = [0x81, 0xa3, .."Add"u8, 0x82, 0xa1, (byte)'a', 0x01, 0xa1, (byte)'b', 0x02];

        var response = await PostAsync(server.Client, Path, request);

        Assert.Equal(200, response.Status);
        Assert.Equal("application/msgpack", response.MediaType);
        Assert.Equal([0x81, 0xa9, .."AddResult"u8, 0x03], response.Body);
    }

    [Fact]
    public async Task Add_MemberNamesInAnotherCase_Accepted()
    {
        // As over JSON: a member name in another case (A for a) is accepted; operation names are exact.
        var response = await CallAsync(server.Client, Path, new { Add = new { A = 2, B = 5 } });

        Assert.Equal(7, response.Result<int>("Add"));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(50)]
    public async Task GetOrder_ComplexResult(int lines)
    {
        var response = await CallAsync(server.Client, Path, new { GetOrder = new { id = 17, lines } });

        var order = response.Result<WireOrder>("GetOrder");
        AssertOrder(order, 17, lines);
    }

    [Fact]
    public async Task GetOrder_TooManyLines_ClientFaultWithSubcode()
    {
        var response = await CallAsync(server.Client, Path, new { GetOrder = new { id = 1, lines = 5000 } });

        var fault = response.Fault(400);
        Assert.Equal("Client", fault.Code);
        Assert.Equal("lines must be between 0 and 1000, got 5000.", fault.Message);
        Assert.Equal("InvalidLines", fault.Subcode);
        Assert.Null(fault.Detail);
    }

    [Theory]
    [InlineData(7, 2, 3)]
    [InlineData(-7, 2, -3)]
    [InlineData(int.MinValue, -1, int.MinValue)]
    public async Task Divide_ReturnsTheQuotient(int a, int b, int quotient)
    {
        var response = await CallAsync(server.Client, Path, new { Divide = new { a, b } });

        Assert.Equal(quotient, response.Result<int>("Divide"));
    }

    [Fact]
    public async Task Divide_ByZero_ClientFaultWithTypedDetail()
    {
        var response = await CallAsync(server.Client, Path, new { Divide = new { a = 7, b = 0 } });

        var fault = response.Fault(400);
        Assert.Equal("Client", fault.Code);
        Assert.Equal("Division by zero.", fault.Message);
        Assert.Equal("DivideByZero", fault.Subcode);
        Assert.Equal(7L, Convert.ToInt64(Assert.Contains("Dividend", fault.Detail!), CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Reverse_BinInBinOut()
    {
        var data = new byte[] { 0, 1, 2, 255, 0x81, 0xc1 };

        var response = await CallAsync(server.Client, Path, new { Reverse = new { data } });

        Assert.Equal(data.Reverse().ToArray(), response.Result<byte[]>("Reverse"));

        // byte[] is MessagePack's bin (0xc4), not a base64 string.
        Assert.Equal(0xc4, response.Body[1 + 1 + "ReverseResult".Length]);
    }

    [Theory]
    [InlineData(3.0, 1.5)]
    [InlineData(-0.25, -0.125)]
    [InlineData(double.PositiveInfinity, double.PositiveInfinity)]
    [InlineData(double.NaN, double.NaN)]
    public async Task Half_Float64InAndOut_IncludingInfinityAndNaN(double value, double half)
    {
        var response = await CallAsync(server.Client, Path, new { Half = new { value } });

        Assert.Equal(half, response.Result<double>("Half"));
    }

    [Fact]
    public async Task Half_Float32Argument()
    {
        var response = await CallAsync(server.Client, Path, new { Half = new { value = 1.5f } });

        Assert.Equal(0.75, response.Result<double>("Half"));
    }

    [Fact]
    public async Task NextDay_TimestampExtensionIn_IsoStringOut()
    {
        // MessagePack-CSharp writes a UTC DateTime as the timestamp extension (-1).
        var day = new DateTime(2024, 2, 28, 13, 45, 30, DateTimeKind.Utc);

        var response = await CallAsync(server.Client, Path, new { NextDay = new { day } });

        var next = DateTime.Parse(response.Result<string>("NextDay"), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
        Assert.Equal(new DateTime(2024, 2, 29, 13, 45, 30, DateTimeKind.Utc), next);
    }

    [Fact]
    public async Task NextDay_IsoStringIn()
    {
        var response = await CallAsync(server.Client, Path, new { NextDay = new { day = "2023-12-31T00:00:00Z" } });

        Assert.StartsWith("2024-01-01T00:00:00", response.Result<string>("NextDay"));
    }

    [Fact]
    public async Task Ping_Void_EmptyMap()
    {
        var response = await CallAsync(server.Client, Path, new { Ping = new { } });

        Assert.Equal(200, response.Status);
        Assert.Equal([0x80], response.Body);
    }

    [Fact]
    public async Task Crash_UnexpectedException_ServerFault500WithoutItsText()
    {
        var response = await CallAsync(server.Client, Path, new { Crash = new { } });

        var fault = response.Fault(500);
        Assert.Equal("Server", fault.Code);
        Assert.Equal("Internal Error", fault.Message);
        Assert.Null(fault.Detail);
        Assert.DoesNotContain("secret", System.Text.Encoding.UTF8.GetString(response.Body));
    }

    [Fact]
    public async Task LegacyContentType_ReadAndAnsweredInKind()
    {
        var response = await PostAsync(server.Client, Path, Pack(new { Add = new { a = 40, b = 2 } }), "application/x-msgpack");

        Assert.Equal(200, response.Status);
        Assert.Equal("application/x-msgpack", response.MediaType);
        Assert.Equal(42, Unpack<Dictionary<string, int>>(response.Body)["AddResult"]);
    }

    [Fact]
    public async Task OperationInTheRoute_BodyIsTheArguments()
    {
        var response = await PostAsync(server.Client, Path + "/Add", Pack(new { a = 20, b = 22 }));

        Assert.Equal(42, response.Result<int>("Add"));
    }

    [Fact]
    public async Task OperationInTheRoute_EmptyBodyForNoArguments()
    {
        var response = await PostAsync(server.Client, Path + "/Ping", []);

        Assert.Equal(200, response.Status);
        Assert.Equal([0x80], response.Body);
    }

    [Fact]
    public async Task SoapAndMessagePackOnOnePath_EachAnsweredInItsOwn()
    {
        var packed = await CallAsync(server.Client, "/soap-or-msgpack", new { Add = new { a = 1, b = 2 } });
        Assert.Equal(3, packed.Result<int>("Add"));

        var envelope = $"""
            <s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><Add xmlns="{ToolServer.Tns}"><a>1</a><b>2</b></Add></s:Body></s:Envelope>
            """;
        using var soap = await server.Client.PostAsync("/soap-or-msgpack", new StringContent(envelope, System.Text.Encoding.UTF8, "text/xml"));
        Assert.Equal(200, (int)soap.StatusCode);
        Assert.Equal("text/xml", soap.Content.Headers.ContentType?.MediaType);
        var body = await soap.Content.ReadAsStringAsync();
        Assert.Contains("AddResult", body);
        Assert.Contains(">3</", body);
    }

    internal static void AssertOrder(WireOrder order, int id, int lines)
    {
        Assert.Equal(id, order.Id);
        Assert.Equal($"Customer {id}", order.Customer);
        Assert.Equal(ToolService.OrderDate, DateTime.Parse(order.CreatedAt!, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal));
        Assert.Equal(lines, order.Lines!.Length);
        for (var i = 1; i <= lines; i++)
        {
            Assert.Equal($"SKU-{i}", order.Lines[i - 1].Sku);
            Assert.Equal(i, order.Lines[i - 1].Quantity);
            Assert.Equal(i * 1.25m, order.Lines[i - 1].Price);
        }
    }
}
