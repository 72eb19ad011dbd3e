using Microsoft.Extensions.Logging;
using SoapMiddleware.Queue;
using SoapMiddleware.Queue.PostgreSql;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Chooses PostgreSQL for the queue.</summary>
public static class PostgreSqlQueueBuilderExtensions
{
    /// <summary>
    /// Stores the queue in PostgreSQL: many processes on many machines share it (<c>FOR UPDATE SKIP LOCKED</c>
    /// fetches, <c>LISTEN/NOTIFY</c> wake-ups). The schema is created or migrated at startup.
    /// </summary>
    /// <param name="builder">The queue builder from <c>AddQueue</c>.</param>
    /// <param name="connectionString">An Npgsql connection string; add <c>Search Path=...</c> to use a schema of your own.</param>
    public static IRpcQueueBuilder UsePostgreSql(this IRpcQueueBuilder builder, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(connectionString);
        return builder.UseStorage(services => new PostgreSqlQueueStorage(
            connectionString,
            services.GetRequiredService<TimeProvider>(),
            services.GetRequiredService<ILoggerFactory>().CreateLogger("SoapMiddleware.Queue.PostgreSql")));
    }
}
