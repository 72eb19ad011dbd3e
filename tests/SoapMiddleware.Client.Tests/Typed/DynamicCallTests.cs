using SampleApp.Services;
using SoapMiddleware.Client.Calls;
using SoapMiddleware.Client.Hosting;

namespace SoapMiddleware.Client.Tests.Typed;

/// <summary>The dynamic client's shape: <c>CallAsync(operation, arguments)</c> on a description built from C# types.</summary>
public sealed class DynamicCallTests(SampleHost host) : IClassFixture<SampleHost>
{
    [Theory]
    [InlineData("soap11")]
    [InlineData("json")]
    [InlineData("msgpack")]
    public async Task CallAsync_TakesAnonymousObjectsDictionariesAndArrays(string protocol)
    {
        using var http = new HttpClient();
        var options = new RpcClientOptions { Address = host.Endpoint(protocol), Protocol = protocol, Namespace = ClientFactory.SampleNamespace };
        var client = RpcClient.ForContract(typeof(ICalculatorClient), options, () => http);

        Assert.Equal(3, await client.CallAsync("Add", new { a = 1, b = 2 }));
        Assert.Equal(9, await client.CallAsync("Add", new { a = 9 }));
        Assert.Equal("hi", await client.CallAsync("Echo", new object?[] { "hi" }));
        var order = Assert.IsType<Order>(await client.CallAsync("GetOrder", new Dictionary<string, object?> { ["id"] = 5L, ["lines"] = "1" }));
        Assert.Equal(5, order.Id);
        Assert.Single(order.Lines);
        Assert.Null(await client.CallAsync("Sleep", new { seconds = 0 }));
        await Assert.ThrowsAsync<ArgumentException>(() => client.CallAsync("Multiply", new { a = 1 }));
        await Assert.ThrowsAsync<ArgumentException>(() => client.CallAsync("Add", new { x = 1 }));
    }
}
