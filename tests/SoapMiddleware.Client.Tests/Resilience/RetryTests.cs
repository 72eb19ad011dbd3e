using System.Net;
using SoapMiddleware.Client.Hosting;
using SoapMiddleware.Client.Tests.Typed;
using SoapMiddleware.Client.Transport;
using static SoapMiddleware.Client.Tests.Resilience.FailingGate;

namespace SoapMiddleware.Client.Tests.Resilience;

/// <summary>AddRetries: idempotent calls are sent again after a 503 or a reset connection; other calls and faults never are.</summary>
public sealed class RetryTests(SampleHost sample) : IClassFixture<SampleHost>
{
    private static IIdempotentCalculator Client(FailingGate gate, Action<RpcClientOptions>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddRpcClient<IIdempotentCalculator>(o =>
        {
            o.Address = gate.Address("/soap/calculator");
            o.Namespace = ClientFactory.SampleNamespace;
            configure?.Invoke(o);
        }).AddRetries(o =>
        {
            o.MaxRetryAttempts = 3;
            o.Delay = TimeSpan.Zero;
        });
        return services.BuildServiceProvider().GetRequiredService<IIdempotentCalculator>();
    }

    [Theory]
    [InlineData(Failure.ServiceUnavailable)]
    [InlineData(Failure.ConnectionReset)]
    public async Task Retries_IdempotentByAttribute_FailedTwiceThenAnswered(Failure failure)
    {
        await using var gate = await FailingGate.StartAsync(sample.BaseAddress, failure, failures: 2);

        var echoed = Client(gate).Echo("again");

        Assert.Equal("again", echoed);
        Assert.Equal(3, gate.Requests);
    }

    [Fact]
    public async Task Retries_IdempotentByOptions_FailedTwiceThenAnswered()
    {
        await using var gate = await FailingGate.StartAsync(sample.BaseAddress, Failure.ServiceUnavailable, failures: 2);

        var sum = Client(gate, o => o.IdempotentOperations.Add("Add")).Add(2, 3);

        Assert.Equal(5, sum);
        Assert.Equal(3, gate.Requests);
    }

    [Theory]
    [InlineData(Failure.ServiceUnavailable)]
    [InlineData(Failure.ConnectionReset)]
    public async Task Retries_NotIdempotent_SentOnce(Failure failure)
    {
        await using var gate = await FailingGate.StartAsync(sample.BaseAddress, failure, failures: 1);

        var error = Record.Exception(() => Client(gate).Add(2, 3));

        if (failure == Failure.ServiceUnavailable)
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, Assert.IsType<RpcHttpException>(error).StatusCode);
        }
        else
        {
            Assert.IsType<HttpRequestException>(error);
        }

        Assert.Equal(1, gate.Requests);
    }

    [Fact]
    public async Task Retries_FaultOfAnIdempotentOperation_NotRetried()
    {
        await using var gate = await FailingGate.StartAsync(sample.BaseAddress, Failure.ServiceUnavailable, failures: 0);

        Assert.Throws<RpcFaultException>(() => Client(gate).Divide(1, 0));

        Assert.Equal(1, gate.Requests);
    }

    [Fact]
    public async Task Retries_MoreFailuresThanAttempts_LastErrorAfterFourRequests()
    {
        await using var gate = await FailingGate.StartAsync(sample.BaseAddress, Failure.ServiceUnavailable, failures: 10);

        var error = Assert.Throws<RpcHttpException>(() => Client(gate).Echo("never"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
        Assert.Equal(4, gate.Requests);
    }

    [Fact]
    public void IdempotentOperations_UnknownName_FailsWhenTheClientIsBuilt()
    {
        var services = new ServiceCollection();
        services.AddRpcClient<IIdempotentCalculator>(o =>
        {
            o.Address = new Uri("http://127.0.0.1:1/soap/calculator");
            o.IdempotentOperations.Add("Ad");
        });

        var error = Assert.Throws<InvalidOperationException>(() => services.BuildServiceProvider().GetRequiredService<IIdempotentCalculator>());

        Assert.Contains("'Ad'", error.Message, StringComparison.Ordinal);
    }
}
