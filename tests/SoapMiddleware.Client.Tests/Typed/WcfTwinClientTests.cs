using SampleApp.Wcf;

namespace SoapMiddleware.Client.Tests.Typed;

/// <summary>The sample's WCF twin at <c>/Calculator.svc</c> through a typed client of its own <c>[ServiceContract]</c> interface.</summary>
public sealed class WcfTwinClientTests(SampleHost host) : IClassFixture<SampleHost>
{
    public static TheoryData<string> Protocols => ["soap11", "soap12"];

    [Theory]
    [MemberData(nameof(Protocols))]
    public void EveryOperation_RoundTrips(string protocol)
    {
        var calculator = ClientFactory.Create<ICalculator>(host.Endpoint(protocol, wcf: true), protocol);

        Assert.Equal("x < y & z 😀", calculator.Echo("x < y & z 😀"));
        Assert.Null(calculator.Echo(null!));
        Assert.Equal(5, calculator.Add(2, 3));
        Assert.Equal(3, calculator.Divide(7, 2));
        var order = calculator.GetOrder(9, 2);
        Assert.Equal(9, order.Id);
        Assert.Equal("Customer 9", order.Customer);
        Assert.Equal(new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc), order.CreatedAt);
        Assert.Equal(["SKU-1", "SKU-2"], order.Lines.Select(l => l.Sku));
        Assert.Equal([1, 2], order.Lines.Select(l => l.Quantity));
        Assert.Equal([1.25m, 2.50m], order.Lines.Select(l => l.Price));
    }

    [Theory]
    [MemberData(nameof(Protocols))]
    public void DeclaredFault_IsTypedFromTheFaultContract(string protocol)
    {
        var calculator = ClientFactory.Create<ICalculator>(host.Endpoint(protocol, wcf: true), protocol);

        var fault = Assert.Throws<RpcFaultException>(() => calculator.Divide(11, 0));

        Assert.Equal(RpcFaultCode.Client, fault.Code);
        Assert.Equal("DivideByZero", fault.Subcode);
        Assert.Equal("Division by zero", fault.Message);
        Assert.Equal(11, Assert.IsType<DivisionFault>(fault.Detail).Dividend);
    }

    [Theory]
    [MemberData(nameof(Protocols))]
    public void UndeclaredFault_KeepsCodeSubcodeAndMessage(string protocol)
    {
        var calculator = ClientFactory.Create<ICalculator>(host.Endpoint(protocol, wcf: true), protocol);

        var fault = Assert.Throws<RpcFaultException>(() => calculator.GetOrder(1, 20_000));

        Assert.Equal(RpcFaultCode.Client, fault.Code);
        Assert.Equal("InvalidLines", fault.Subcode);
        Assert.Equal("lines must be between 0 and 10000, got 20000.", fault.Message);
        Assert.Null(fault.Detail);
    }
}
