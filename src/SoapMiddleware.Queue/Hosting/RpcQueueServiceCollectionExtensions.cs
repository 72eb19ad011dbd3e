using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SoapMiddleware.Queue.Producer;
using SoapMiddleware.Queue.Storage;
using SoapMiddleware.Queue.Storage.Sqlite;
using SoapMiddleware.Queue.Workers;

using SoapMiddleware;
using SoapMiddleware.Queue;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the async queue transport to an RPC application.</summary>
public static class RpcQueueServiceCollectionExtensions
{
    /// <summary>
    /// Adds the durable queue: <see cref="IRpcQueue"/> to enqueue calls, and (unless <see cref="RpcQueueOptions.Role"/>
    /// is <see cref="QueueRole.Web"/>) a hosted service running <see cref="RpcQueueOptions.Workers"/> worker loops.
    /// Options bind from the <c>Queue</c> section, then <paramref name="configure"/> runs. The storage is SQLite
    /// (<see cref="RpcQueueOptions.ConnectionString"/> or <c>soapmiddleware-queue.db</c>) unless another is chosen.
    /// </summary>
    public static IRpcQueueBuilder AddQueue(this IRpcBuilder rpc, Action<RpcQueueOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(rpc);
        var services = rpc.Services;
        services.AddOptions<RpcQueueOptions>().BindConfiguration(RpcQueueOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        if (configure is not null)
        {
            services.Configure(configure);
        }

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IQueueStorage>(DefaultStorage);
        services.TryAddSingleton(sp => new QueueStorageHolder(sp.GetRequiredService<IQueueStorage>()));
        services.TryAddSingleton<IRpcQueue, RpcQueue>();
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
        return new RpcQueueBuilder(services);
    }

    /// <summary>Uses a SQLite file (or connection string) for the queue: the embedded default, for one process's workers.</summary>
    public static IRpcQueueBuilder UseSqlite(this IRpcQueueBuilder builder, string pathOrConnectionString)
    {
        ArgumentException.ThrowIfNullOrEmpty(pathOrConnectionString);
        return builder.UseStorage(sp => new SqliteQueueStorage(pathOrConnectionString, sp.GetRequiredService<TimeProvider>(), Logger(sp)));
    }

    private static IQueueStorage DefaultStorage(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<RpcQueueOptions>>().Value;
        if (options.Provider != QueueProvider.Sqlite)
        {
            throw new InvalidOperationException(
                $"Queue:Provider is {options.Provider}, but no {options.Provider} storage is registered: call AddQueue().UsePostgreSql(connectionString) from SoapMiddleware.Queue.PostgreSql.");
        }

        var path = string.IsNullOrWhiteSpace(options.ConnectionString)
            ? Path.Combine(AppContext.BaseDirectory, "soapmiddleware-queue.db")
            : options.ConnectionString;
        return new SqliteQueueStorage(path, services.GetRequiredService<TimeProvider>(), Logger(services));
    }

    private static ILogger Logger(IServiceProvider services)
        => services.GetRequiredService<ILoggerFactory>().CreateLogger("SoapMiddleware.Queue.Storage");
}
