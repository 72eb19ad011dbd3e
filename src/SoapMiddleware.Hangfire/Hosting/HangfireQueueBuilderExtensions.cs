using Hangfire;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SoapMiddleware.Hangfire;
using SoapMiddleware.Queue;
using SoapMiddleware.Queue.Execution;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Runs the queue on the application's Hangfire.</summary>
public static class HangfireQueueBuilderExtensions
{
    /// <summary>
    /// Queued calls become Hangfire jobs in the application's own Hangfire storage, run by its Hangfire servers with its
    /// retry policy; <see cref="IRpcQueue"/> and <see cref="IRpcQueueMonitor"/> work as on the built-in engine, and
    /// Hangfire's dashboard shows each call by name (<c>CalculatorService.Add(1, 2)</c>). The application configures
    /// Hangfire itself: <c>services.AddHangfire(c => c.Use...Storage(...))</c> registers the storage this engine uses
    /// (else <see cref="JobStorage.Current"/>), and <c>services.AddHangfireServer(...)</c> in the processes that run
    /// calls (<see cref="HangfireServerOptionsExtensions.UseRpcQueueOptions"/> maps <c>Queue:Workers</c> and
    /// <c>Queue:Queues</c>). Hangfire's job activator must come from the container (as <c>AddHangfire</c> sets it up).
    /// Fan-out subscriptions are not supported: the start fails when <see cref="RpcQueueOptions.Subscriptions"/> is set.
    /// </summary>
    /// <param name="builder">The queue builder returned by <c>AddQueue</c>.</param>
    /// <returns>The builder.</returns>
    public static IRpcQueueBuilder UseHangfire(this IRpcQueueBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;

        // Hangfire's filters are process-wide; ours act on RpcJob only, and are added once whatever the hosts.
        RpcJobFilters.EnsureRegistered();

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<QueuedCallExecutor>();
        services.TryAddSingleton<RunningJobs>();
        services.TryAddSingleton(sp => new HangfireBackend(sp));
        services.TryAddSingleton(sp => new WorkerRecords(
            sp.GetRequiredService<HangfireBackend>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<WorkerRecords>>()));
        services.TryAddTransient(sp => new RpcJob(
            sp.GetRequiredService<QueuedCallExecutor>(),
            sp.GetRequiredService<RunningJobs>(),
            sp.GetRequiredService<HangfireBackend>(),
            sp.GetRequiredService<WorkerRecords>(),
            sp.GetRequiredService<ILogger<RpcJob>>()));

        // Marks this process's workers Stopped once Hangfire's servers have stopped, wherever the app adds them.
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, WorkerRowsLifetime>());
        return builder.UseEngine(sp => ActivatorUtilities.CreateInstance<HangfireQueueEngine>(sp));
    }
}
