using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SoapMiddleware.Queue;

namespace SoapMiddleware.Docs.Tests.Pages;

/// <summary>
/// docs/configuration.md's rule, as the code has it today: the <c>Rpc</c> and <c>Queue</c> sections are bound first,
/// then the lambda runs, so a value set in code wins and a value left alone comes from configuration.
/// </summary>
public sealed class ConfigurationRuleTests
{
    [Fact]
    public void AddRpcAndAddQueue_ValueSetInCode_WinsOverConfiguration()
    {
        using var services = Build(rpc => rpc.AddQueue(q => q.Workers = 4), o => o.Namespace = "http://code.example/");

        Assert.Equal("http://code.example/", services.GetRequiredService<IOptions<RpcOptions>>().Value.Namespace);
        Assert.Equal(4, services.GetRequiredService<IOptions<RpcQueueOptions>>().Value.Workers);
    }

    [Fact]
    public void AddRpcAndAddQueue_ValueLeftAloneInCode_ComesFromConfiguration()
    {
        using var services = Build(rpc => rpc.AddQueue(), null);

        Assert.Equal("http://config.example/", services.GetRequiredService<IOptions<RpcOptions>>().Value.Namespace);
        Assert.Equal(2, services.GetRequiredService<IOptions<RpcQueueOptions>>().Value.Workers);
    }

    [Fact]
    public void ConfigurationPage_StatesTheRule()
    {
        var page = File.ReadAllText(Infrastructure.Repository.PathOf("docs", "configuration.md"));

        Assert.Contains("The\nlambda you pass runs **after** the section is bound", page);
    }

    private static ServiceProvider Build(Action<IRpcBuilder> queue, Action<RpcOptions>? rpc)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Rpc:Namespace"] = "http://config.example/", ["Queue:Workers"] = "2" })
            .Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging();
        queue(services.AddRpc(rpc));
        return services.BuildServiceProvider();
    }
}
