using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SoapMiddleware.Docs.Tests.Infrastructure;
using SoapMiddleware.Queue;
using SoapMiddleware.Queue.PostgreSql;

namespace SoapMiddleware.Docs.Tests.Pages;

/// <summary>
/// docs/configuration.md's rule: the lambdas of <c>AddRpc</c>, <c>AddQueue</c> (and <c>IRpcQueueBuilder.Configure</c>,
/// <c>UsePostgreSql</c>) set the options in code, then the configuration section (<c>Rpc</c>, <c>Queue</c>, or the one
/// the app chooses) overrides what it names: appsettings, then environment variables, then the command line.
/// </summary>
public sealed class ConfigurationRuleTests
{
    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["Rpc:Namespace"] = "http://config.example/",
        ["Queue:Workers"] = "2",
    };

    [Fact]
    public void AddRpcAndAddQueue_ValueSetInCodeAndInConfiguration_ConfigurationWins()
    {
        // The two examples: Rpc:Namespace in appsettings was ignored when code set one; Queue:Workers=2 still
        // started 4 worker loops when code said 4 (QueueWorkerLoopsTests sees the 2 loops run).
        using var services = Build(Settings, rpc => rpc.AddQueue(q => q.Workers = 4), o => o.Namespace = "http://code.example/");

        Assert.Equal("http://config.example/", Rpc(services).Namespace);
        Assert.Equal(2, Queue(services).Workers);
    }

    [Fact]
    public void AddRpcAndAddQueue_ConfigurationSilent_CodeApplies()
    {
        using var services = Build(new() { ["Other:Key"] = "x" }, rpc => rpc.AddQueue(q => q.Workers = 4), o => o.Namespace = "http://code.example/");

        Assert.Equal("http://code.example/", Rpc(services).Namespace);
        Assert.Equal(4, Queue(services).Workers);
        Assert.Equal(TimeSpan.FromSeconds(30), Queue(services).LeaseTimeout);
    }

    [Fact]
    public void EveryWayOfSettingInCode_ConfigurationStillWins()
    {
        // AddQueue's lambda, the builder's Configure, services.Configure and a second AddRpc all set defaults.
        using var services = Build(
            new() { ["Rpc:Namespace"] = "http://config.example/", ["Queue:Workers"] = "2", ["Queue:MaxAttempts"] = "7" },
            rpc =>
            {
                rpc.AddQueue(q => q.MaxAttempts = 3).Configure(q => q.Workers = 8);
                rpc.Services.Configure<RpcQueueOptions>(q => q.Workers = 16);
                rpc.Services.AddRpc(o => o.Namespace = "http://second-call.example/");
            },
            o => o.Namespace = "http://code.example/");

        Assert.Equal("http://config.example/", Rpc(services).Namespace);
        Assert.Equal(2, Queue(services).Workers);
        Assert.Equal(7, Queue(services).MaxAttempts);
    }

    [Fact]
    public void ConfigurationList_ReplacesTheListSetInCode()
    {
        // ConfigurationBinder alone appends configured items to a list: Queues would be [emails, critical].
        using var services = Build(new() { ["Queue:Queues:0"] = "critical" }, rpc => rpc.AddQueue(q => q.Queues = ["emails"]), null);

        Assert.Equal(["critical"], Queue(services).Queues);
    }

    [Fact]
    public void WebApplication_AppsettingsThenEnvironmentThenCommandLine_EachOverridesTheOneBefore()
    {
        using var content = new TempDirectory("config-rule");
        File.WriteAllText(content.Combine("appsettings.json"), """
            { "Rpc": { "Namespace": "http://appsettings.example/" },
              "Queue": { "Workers": 2, "MaxAttempts": 5, "Retention": "02:00:00" } }
            """);
        var prefix = $"SOAPMW_RULE_{Guid.NewGuid():N}_";
        Environment.SetEnvironmentVariable(prefix + "Queue__Workers", "3");
        Environment.SetEnvironmentVariable(prefix + "Queue__MaxAttempts", "6");
        try
        {
            var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = content.Path, Args = ["--Queue:MaxAttempts=9"] });

            // A prefix of this test's own, so no other test (nor the processes they start) sees these variables;
            // re-adding the command line keeps WebApplication's order: appsettings < environment < command line.
            builder.Configuration.AddEnvironmentVariables(prefix).AddCommandLine(["--Queue:MaxAttempts=9"]);
            builder.Services.AddRpc(o => o.Namespace = "http://code.example/")
                .AddQueue(q => { q.Workers = 4; q.MaxAttempts = 1; q.Retention = TimeSpan.FromDays(7); q.CallTimeout = TimeSpan.FromMinutes(1); });
            using var app = builder.Build();

            Assert.Equal("http://appsettings.example/", Rpc(app.Services).Namespace);
            Assert.Equal(3, Queue(app.Services).Workers);
            Assert.Equal(9, Queue(app.Services).MaxAttempts);
            Assert.Equal(TimeSpan.FromHours(2), Queue(app.Services).Retention);
            Assert.Equal(TimeSpan.FromMinutes(1), Queue(app.Services).CallTimeout);
        }
        finally
        {
            Environment.SetEnvironmentVariable(prefix + "Queue__Workers", null);
            Environment.SetEnvironmentVariable(prefix + "Queue__MaxAttempts", null);
        }
    }

    [Fact]
    public void BindConfiguration_CustomSections_BindThoseInsteadOfRpcAndQueue()
    {
        using var services = Build(
            new()
            {
                ["Rpc:Namespace"] = "http://rpc-section.example/", ["Queue:Workers"] = "2",
                ["Soap:Namespace"] = "http://soap-section.example/", ["Apps:Jobs:Workers"] = "3",
                ["Apps:Jobs:PostgreSql:Schema"] = "jobs",
            },
            rpc => rpc.BindConfiguration("Soap").AddQueue(q => q.Workers = 4).UsePostgreSql("Host=127.0.0.1", o => o.Schema = "code").BindConfiguration("Apps:Jobs"),
            o => o.Namespace = "http://code.example/");

        Assert.Equal("http://soap-section.example/", Rpc(services).Namespace);
        Assert.Equal(3, Queue(services).Workers);
        Assert.Equal("jobs", services.GetRequiredService<IOptions<PostgreSqlQueueOptions>>().Value.Schema);
    }

    [Fact]
    public void WithoutConfiguration_NothingBound_CodeAndDefaultsOnly()
    {
        using var services = Build(
            new() { ["Rpc:Namespace"] = "http://config.example/", ["Rpc:MaxDepth"] = "10", ["Queue:Workers"] = "2", ["Queue:PostgreSql:Schema"] = "config" },
            rpc => rpc.WithoutConfiguration().AddQueue(q => q.Workers = 4).UsePostgreSql("Host=127.0.0.1", o => o.Schema = "code").WithoutConfiguration(),
            o => o.Namespace = "http://code.example/");

        Assert.Equal("http://code.example/", Rpc(services).Namespace);
        Assert.Equal(64, Rpc(services).MaxDepth);
        Assert.Equal(4, Queue(services).Workers);
        Assert.Equal("code", services.GetRequiredService<IOptions<PostgreSqlQueueOptions>>().Value.Schema);
    }

    [Fact]
    public void WithoutConfiguration_NoIConfigurationRegistered_StillBuilds()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddRpc(o => o.Namespace = "http://code.example/").WithoutConfiguration().AddQueue(q => q.Workers = 4).WithoutConfiguration();
        using var provider = services.BuildServiceProvider();

        Assert.Equal("http://code.example/", Rpc(provider).Namespace);
        Assert.Equal(4, Queue(provider).Workers);
    }

    [Fact]
    public void UsePostgreSql_SchemaInCodeAndInQueueSection_SectionWins()
    {
        using var services = Build(new() { ["Queue:PostgreSql:Schema"] = "from_config" },
            rpc => rpc.AddQueue().UsePostgreSql("Host=127.0.0.1", o => o.Schema = "from_code"), null);

        Assert.Equal("from_config", services.GetRequiredService<IOptions<PostgreSqlQueueOptions>>().Value.Schema);
    }

    [Fact]
    public void UsePostgreSql_SchemaThatIsNoIdentifier_FailsValidationNamingTheKey()
    {
        using var services = Build(new() { ["Queue:PostgreSql:Schema"] = "rpc; DROP TABLE x" }, rpc => rpc.AddQueue().UsePostgreSql("Host=127.0.0.1"), null);

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<PostgreSqlQueueOptions>>().Value);

        Assert.Contains("Queue:PostgreSql:Schema", error.Message);
    }

    [Fact]
    public void ConfigurationPage_StatesTheRuleWithAnExample()
    {
        var page = File.ReadAllText(Repository.PathOf("docs", "configuration.md"));

        Assert.Contains("The code sets the defaults; configuration **overrides** them", page);
        Assert.Contains(".BindConfiguration(\"Soap\")", page);
        Assert.Contains("WithoutConfiguration()", page);
        Assert.Contains("Queue:PostgreSql:Schema", page);
    }

    private static RpcOptions Rpc(IServiceProvider services) => services.GetRequiredService<IOptions<RpcOptions>>().Value;

    private static RpcQueueOptions Queue(IServiceProvider services) => services.GetRequiredService<IOptions<RpcQueueOptions>>().Value;

    private static ServiceProvider Build(Dictionary<string, string?> settings, Action<IRpcBuilder> queue, Action<RpcOptions>? rpc)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging();
        queue(services.AddRpc(rpc));
        return services.BuildServiceProvider();
    }
}
