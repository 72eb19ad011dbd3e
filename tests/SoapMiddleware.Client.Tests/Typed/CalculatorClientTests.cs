using SampleApp.Services;

namespace SoapMiddleware.Client.Tests.Typed;

/// <summary>Every operation of the sample's calculator through the typed client, in each protocol, values checked.</summary>
public sealed class CalculatorClientTests(SampleHost host) : IClassFixture<SampleHost>
{
    public static TheoryData<string> Protocols => ["soap11", "soap12", "json", "msgpack"];

    [Theory]
    [MemberData(nameof(Protocols))]
    public async Task EveryOperation_RoundTrips(string protocol)
    {
        var calculator = ClientFactory.Create<ICalculatorClient>(host.Endpoint(protocol), protocol);
        const string text = "a < b & \"c\" 'd' \r\n\tünïcödé 😀 ]]>";

        Assert.Equal(text, calculator.Echo(text));
        Assert.Equal("", calculator.Echo(""));
        Assert.Equal(3, calculator.Add(1, 2));
        Assert.Equal(int.MinValue, calculator.Add(int.MaxValue, 1));
        Assert.Equal(-5, await calculator.AddAsync(-2, -3));
        Assert.Equal(-3, calculator.Divide(-7, 2));
        calculator.Sleep(0);
        await calculator.SleepAsync(0, CancellationToken.None);

        var order = calculator.GetOrder(42, 3);
        Assert.Equal(42, order.Id);
        Assert.Equal("Customer 42", order.Customer);
        Assert.Equal(new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc), order.CreatedAt);
        Assert.Equal(DateTimeKind.Utc, order.CreatedAt.Kind);
        Assert.Equal(
            [new OrderLine("SKU-1", 1, 1.25m), new OrderLine("SKU-2", 2, 2.50m), new OrderLine("SKU-3", 3, 3.75m)],
            order.Lines);
        var empty = await calculator.GetOrderAsync(7, 0, CancellationToken.None);
        Assert.Equal(7, empty.Id);
        Assert.Empty(empty.Lines);
    }

    [Theory]
    [MemberData(nameof(Protocols))]
    public void DeclaredFault_HasCodeSubcodeAndTypedDetail(string protocol)
    {
        var calculator = ClientFactory.Create<ICalculatorClient>(host.Endpoint(protocol), protocol);

        var fault = Assert.Throws<RpcFaultException>(() => calculator.Divide(7, 0));

        Assert.Equal(RpcFaultCode.Client, fault.Code);
        Assert.Equal("DivideByZero", fault.Subcode);
        Assert.Equal("Division by zero.", fault.Message);
        Assert.Equal("Divide", fault.Operation);
        Assert.Equal(new DivisionFault(7), fault.Detail);
        Assert.Equal(new DivisionFault(7), fault.DetailAs<DivisionFault>());
        Assert.Contains("Dividend", fault.RawDetail);
    }

    [Theory]
    [MemberData(nameof(Protocols))]
    public async Task UndeclaredFault_HasCodeSubcodeAndMessage_NoTypedDetail(string protocol)
    {
        var calculator = ClientFactory.Create<ICalculatorClient>(host.Endpoint(protocol), protocol);

        var fault = await Assert.ThrowsAsync<RpcFaultException>(async () => await calculator.GetOrderAsync(1, -1, CancellationToken.None));

        Assert.Equal(RpcFaultCode.Client, fault.Code);
        Assert.Equal("InvalidLines", fault.Subcode);
        Assert.Equal("lines must be between 0 and 10000, got -1.", fault.Message);
        Assert.Null(fault.Detail);
    }
}
