using Microsoft.Extensions.DependencyInjection;
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

    /// <summary>Uses a storage created by <paramref name="factory"/> for the built-in engine (the PostgreSQL package builds on this).</summary>
    IRpcQueueBuilder UseStorage(Func<IServiceProvider, IQueueStorage> factory);
}
