using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SoapMiddleware.Queue;
using SoapMiddleware.Queue.PostgreSql;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Chooses PostgreSQL for the queue.</summary>
public static class PostgreSqlQueueBuilderExtensions
{
    /// <summary>The key under the queue's configuration section that overrides <see cref="PostgreSqlQueueOptions"/> (<c>Queue:PostgreSql</c>).</summary>
    public const string SectionKey = "PostgreSql";

    /// <summary>
    /// Stores the queue in PostgreSQL: many processes on many machines share it (<c>FOR UPDATE SKIP LOCKED</c>
    /// fetches, <c>LISTEN/NOTIFY</c> wake-ups). The schema and its tables are created or migrated at startup.
    /// </summary>
    /// <param name="builder">The queue builder from <c>AddQueue</c>.</param>
    /// <param name="connectionString">An Npgsql connection string.</param>
    /// <param name="configure">
    /// Sets the storage's options in code, such as <c>o =&gt; o.Schema = "rpc"</c>; the <c>PostgreSql</c> key under the
    /// queue's configuration section (<c>Queue:PostgreSql:Schema</c>) overrides them.
    /// </param>
    /// <returns>The builder.</returns>
    public static IRpcQueueBuilder UsePostgreSql(this IRpcQueueBuilder builder, string connectionString, Action<PostgreSqlQueueOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(connectionString);
        var options = builder.AddOptions<PostgreSqlQueueOptions>(SectionKey)
            .Validate(o => string.IsNullOrEmpty(o.Schema) || PostgreSqlSchemaName.Problem(o.Schema) is null,
                "PostgreSqlQueueOptions.Schema (Queue:PostgreSql:Schema) is not a usable PostgreSQL schema name: use a letter or underscore, then letters, digits, underscores or $ (at most 63 bytes, not starting with pg_).")
            .ValidateOnStart();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        return builder.UseStorage(services => new PostgreSqlQueueStorage(
            connectionString,
            services.GetRequiredService<TimeProvider>(),
            services.GetRequiredService<ILoggerFactory>().CreateLogger("SoapMiddleware.Queue.PostgreSql"),
            services.GetRequiredService<IOptions<PostgreSqlQueueOptions>>().Value));
    }
}
