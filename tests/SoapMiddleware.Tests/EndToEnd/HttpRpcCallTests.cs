using System.Text.Json;
using static SoapMiddleware.Tests.Infrastructure.JsonRequests;

namespace SoapMiddleware.Tests.EndToEnd;

/// <summary>HTTP RPC (query string) calls to the sample app: <c>GET /rpc/calculator/{Operation}?...</c>.</summary>
[Collection(SampleAppCollection.Name)]
public sealed class HttpRpcCallTests(SampleAppServer server)
{
    [Theory]
    [InlineData("a=40&b=2", 42)]
    [InlineData("b=2&a=40", 42)]
    [InlineData("a=2147483647&b=0", int.MaxValue)]
    [InlineData("a=-2147483648&b=0", int.MinValue)]
    [InlineData("a=2147483647&b=1", int.MinValue)]
    public async Task Add_QueryString_ReturnsSum(string query, int expected)
    {
        var (status, body, _) = await GetJsonAsync(server.Client, "/rpc/calculator/Add?" + query);

        Assert.Equal(200, status);
        Assert.Equal(expected, body.GetProperty("AddResult").GetInt32());
    }

    [Fact]
    public async Task Echo_EscapedMarkupAndUnicode_RoundTrips()
    {
        const string text = "a <b> & \"c\" żółć 🚀 =?";

        var (status, body, _) = await GetJsonAsync(server.Client, "/rpc/calculator/Echo?text=" + Uri.EscapeDataString(text));

        Assert.Equal(200, status);
        Assert.Equal(text, body.GetProperty("EchoResult").GetString());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(50)]
    public async Task GetOrder_LineCounts_EveryFieldTyped(int lines)
    {
        var (status, body, _) = await GetJsonAsync(server.Client, $"/rpc/calculator/GetOrder?id=5&lines={lines}");

        Assert.Equal(200, status);
        JsonCallTests.AssertOrder(body.GetProperty("GetOrderResult"), 5, lines);
    }

    [Fact]
    public async Task Divide_Truncates()
    {
        var (status, body, _) = await GetJsonAsync(server.Client, "/rpc/calculator/Divide?a=-7&b=2");

        Assert.Equal(200, status);
        Assert.Equal(-3, body.GetProperty("DivideResult").GetInt32());
    }

    [Fact]
    public async Task Divide_ByZero_400FaultWithSubcode()
    {
        var (status, body, _) = await GetJsonAsync(server.Client, "/rpc/calculator/Divide?a=5&b=0");

        Assert.Equal(400, status);
        var fault = Fault(body);
        Assert.Equal("Client", fault.GetProperty("code").GetString());
        Assert.Equal("DivideByZero", fault.GetProperty("subcode").GetString());
        Assert.Equal(5, fault.GetProperty("detail").GetProperty("Dividend").GetInt32());
    }

    [Fact]
    public async Task Sleep_Void_EmptyObject()
    {
        var (status, body, _) = await GetJsonAsync(server.Client, "/rpc/calculator/Sleep?seconds=0");

        Assert.Equal(200, status);
        Assert.Empty(body.EnumerateObject());
    }

    [Theory]
    [InlineData("/rpc/calculator/Add?a=x&b=1", "Element 'Add/a': 'x' is not a valid xs:int.")]
    [InlineData("/rpc/calculator/Add?a=1", "'b' is required.")]
    [InlineData("/rpc/calculator/Add?a=1&b=2&c=3", "Element 'Add/c': unknown element; expected a, b.")]
    [InlineData("/rpc/calculator/Add?a=1&a=2&b=2", "Element 'Add/a': the element appears more than once.")]
    [InlineData("/rpc/calculator/Add?a=&b=2", "Element 'Add/a': '' is not a valid xs:int.")]
    public async Task Add_BadQuery_400NamingTheElement(string url, string expected)
    {
        var (status, body, _) = await GetJsonAsync(server.Client, url);

        Assert.Equal(400, status);
        Assert.StartsWith(expected, Fault(body).GetProperty("message").GetString());
    }

    [Fact]
    public async Task Get_UnknownOperation_404NamingIt()
    {
        var (status, body, _) = await GetJsonAsync(server.Client, "/rpc/calculator/Multiply?a=1");

        Assert.Equal(404, status);
        Assert.Equal("Unknown operation 'Multiply'.", Fault(body).GetProperty("message").GetString());
    }

    [Fact]
    public async Task Post_405WithAllowGet()
    {
        var (status, body, response) = await PostJsonAsync(server.Client, "/rpc/calculator/Add?a=1&b=2", "{}");

        Assert.Equal(405, status);
        Assert.Equal("GET", response.Content.Headers.Allow.Single());
        Assert.Equal("Client", Fault(body).GetProperty("code").GetString());
    }
}
