using Microsoft.Extensions.DependencyInjection;
using SoapMiddleware.Queue.Storage;

namespace SoapMiddleware.Queue;

/// <summary>Returned by <c>AddQueue</c>: choose the storage (<c>.UseSqlite(path)</c>, <c>.UsePostgreSql(connectionString)</c>).</summary>
public interface IRpcQueueBuilder
{
    /// <summary>The application's service collection.</summary>
    IServiceCollection Services { get; }

    /// <summary>Uses a storage created by <paramref name="factory"/> (the PostgreSQL package builds on this).</summary>
    IRpcQueueBuilder UseStorage(Func<IServiceProvider, IQueueStorage> factory);
}
