using Microsoft.Extensions.DependencyInjection;
using SoapMiddleware.Queue.Engine;
using SoapMiddleware.Queue.Storage;

namespace SoapMiddleware.Queue;

/// <summary>
/// Returned by <c>AddQueue</c>: choose the engine and its storage. The built-in engine stores in SQLite by default
/// (<c>.UseSqlite(path)</c>) or PostgreSQL (<c>.UsePostgreSql(connectionString)</c>); <c>.UseHangfire()</c> (package
/// SoapMiddleware.Hangfire) makes queued calls Hangfire jobs in the app's own Hangfire storage.
/// </summary>
public interface IRpcQueueBuilder
{
    /// <summary>The application's service collection.</summary>
    IServiceCollection Services { get; }

    /// <summary>
    /// Uses the built-in engine on a storage created by <paramref name="factory"/> (the PostgreSQL package builds on
    /// this). The last engine or storage chosen on the chain wins; nothing chosen earlier is created.
    /// </summary>
    IRpcQueueBuilder UseStorage(Func<IServiceProvider, IQueueStorage> factory);

    /// <summary>
    /// Uses the engine <paramref name="factory"/> creates instead of the built-in one (<c>UseHangfire()</c> builds on
    /// this; so can an engine of your own). The last engine or storage chosen on the chain wins.
    /// </summary>
    IRpcQueueBuilder UseEngine(Func<IServiceProvider, IQueueEngine> factory);
}
