using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SoapMiddleware;
using SoapMiddleware.Hosting.Configuration;
using SoapMiddleware.Queue;
using SoapMiddleware.Queue.Builtin;
using SoapMiddleware.Queue.Engine;
using SoapMiddleware.Queue.Execution;
using SoapMiddleware.Queue.Producer;
using SoapMiddleware.Queue.Storage;
using SoapMiddleware.Queue.Storage.Sqlite;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the async queue transport to an RPC application.</summary>
public static class RpcQueueServiceCollectionExtensions
{
    /// <summary>
    /// Adds the durable queue: <see cref="IRpcQueue"/> to enqueue calls, <see cref="IRpcQueueMonitor"/> to watch them,
    /// and, on the built-in engine (unless <see cref="RpcQueueOptions.Role"/> is <see cref="QueueRole.Web"/>), a hosted
    /// service running <see cref="RpcQueueOptions.Workers"/> worker loops. <paramref name="configure"/> sets the options'
    /// defaults in code, then the <c>Queue</c> configuration section overrides them (choose another section with
    /// <c>.BindConfiguration("...")</c>, or none with <c>.WithoutConfiguration()</c>). The engine is the built-in one on a SQLite file
    /// (<c>soapmiddleware-queue.db</c> next to the application) unless the returned builder chooses another:
    /// <c>.AddQueue(o => o.Workers = 2).UseHangfire()</c>, <c>.AddQueue().UsePostgreSql(connectionString)</c>.
    /// </summary>
    public static IRpcQueueBuilder AddQueue(this IRpcBuilder rpc, Action<RpcQueueOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(rpc);
        var services = rpc.Services;
        services.AddOptions<RpcQueueOptions>().ValidateDataAnnotations().ValidateOnStart();
        ConfigurationOverride<RpcQueueOptions>.AddTo(services, RpcQueueOptions.SectionName);
        if (configure is not null)
        {
            services.Configure(configure);
        }

        services.TryAddSingleton(TimeProvider.System);
        var choice = Choice(services);
        services.TryAddSingleton<IQueueStorage>(sp => (choice.Storage ?? DefaultStorage)(sp));
        services.TryAddSingleton(sp => new QueueStorageHolder(sp.GetRequiredService<IQueueStorage>()));
        services.TryAddSingleton<IQueueEngine>(sp => choice.Engine?.Invoke(sp) ?? ActivatorUtilities.CreateInstance<BuiltinQueueEngine>(sp));
        services.TryAddSingleton<QueuedCallExecutor>();
        services.TryAddSingleton<RpcQueue>();
        services.TryAddSingleton<IRpcQueue>(sp => sp.GetRequiredService<RpcQueue>());
        services.TryAddSingleton<IRpcQueueMonitor>(sp => sp.GetRequiredService<RpcQueue>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, QueueStartup>());
        services.AddOptions<HostOptions>().Configure<IOptions<RpcQueueOptions>>((host, queue) =>
        {
            // Give running tasks their whole shutdown timeout before the host gives up on the workers.
            var needed = queue.Value.ShutdownTimeout + TimeSpan.FromSeconds(10);
            if (host.ShutdownTimeout < needed)
            {
                host.ShutdownTimeout = needed;
            }
        });
        return new RpcQueueBuilder(services, choice);
    }

    /// <summary>
    /// Adds <paramref name="configure"/> to the queue's options in code, as <c>AddQueue(configure)</c> does (the
    /// configuration section still overrides what it names), so that one chain both chooses the engine and sets the options: <c>.AddQueue().UseHangfire().Configure(o => o.Workers = 2)</c>
    /// is the same as <c>.AddQueue(o => o.Workers = 2).UseHangfire()</c>.
    /// </summary>
    /// <returns>The same builder.</returns>
    public static IRpcQueueBuilder Configure(this IRpcQueueBuilder builder, Action<RpcQueueOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        builder.Services.Configure(configure);
        return builder;
    }

    /// <summary>
    /// Uses a SQLite file (or connection string) for the built-in engine: the embedded default, for one process's workers.
    /// A file that exists must be a sound queue database (an empty, corrupt or foreign file stops the start, naming it);
    /// a new one is created where no file exists.
    /// </summary>
    public static IRpcQueueBuilder UseSqlite(this IRpcQueueBuilder builder, string pathOrConnectionString, Action<SqliteQueueOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(pathOrConnectionString);
        var options = new SqliteQueueOptions();
        configure?.Invoke(options);
        return builder.UseStorage(sp => new SqliteQueueStorage(pathOrConnectionString, sp.GetRequiredService<TimeProvider>(), Logger(sp), options));
    }

    /// <summary>The service collection's one engine choice: a second <c>AddQueue</c> continues the first one's.</summary>
    private static QueueEngineChoice Choice(IServiceCollection services)
    {
        if (services.FirstOrDefault(d => d.ServiceType == typeof(QueueEngineChoice))?.ImplementationInstance is QueueEngineChoice existing)
        {
            return existing;
        }

        var choice = new QueueEngineChoice();
        services.AddSingleton(choice);
        return choice;
    }

    private static IQueueStorage DefaultStorage(IServiceProvider services)
        => new SqliteQueueStorage(Path.Combine(AppContext.BaseDirectory, "soapmiddleware-queue.db"), services.GetRequiredService<TimeProvider>(), Logger(services));

    private static ILogger Logger(IServiceProvider services)
        => services.GetRequiredService<ILoggerFactory>().CreateLogger("SoapMiddleware.Queue.Storage");
}
