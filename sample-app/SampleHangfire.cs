using Hangfire;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using Hangfire.SqlServer;
using Microsoft.Extensions.Options;
using SoapMiddleware.Queue;

namespace SampleApp;

/// <summary>
/// The sample's Hangfire wiring (<c>Queue:Engine=Hangfire</c>): the app's own Hangfire setup, as a Hangfire user writes
/// it, plus <c>UseHangfire()</c>. The queue's keys keep their meaning: <c>Queue:Workers</c> is the server's worker
/// count, <c>Queue:Role</c> decides whether this process runs a Hangfire server, <c>Queue:LeaseTimeout</c> is the
/// storage's invisibility timeout where it has one, <c>Queue:ConnectionString</c> the storage's.
/// </summary>
internal static class SampleHangfire
{
    public static void Configure(WebApplicationBuilder builder, IRpcQueueBuilder queue, SampleQueueSettings settings)
    {
        var provider = settings.EffectiveProvider;

        // First, so its storage check runs before Hangfire's server starts: a wrong connection string fails the start at once.
        queue.UseHangfire();
        builder.Services.AddHangfire(config =>
        {
            config.SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
                .UseSimpleAssemblyNameTypeSerializer()
                .UseRecommendedSerializerSettings();
            switch (provider)
            {
                case var p when p.Equals("InMemory", StringComparison.OrdinalIgnoreCase):
                    config.UseInMemoryStorage(new InMemoryStorageOptions());
                    break;
                case var p when p.Equals("PostgreSql", StringComparison.OrdinalIgnoreCase):
                    config.UsePostgreSqlStorage(
                        o => o.UseNpgsqlConnection(settings.RequireConnectionString()),
                        new PostgreSqlStorageOptions
                        {
                            // A dead process's job runs again after this; the sliding timeout keeps a long call from
                            // being started twice while it still runs (see README: the lease trade-off).
                            InvisibilityTimeout = settings.LeaseTimeout,
                            UseSlidingInvisibilityTimeout = true,
                            // Workers in other processes see a new job only when they poll (15 s by default).
                            QueuePollInterval = TimeSpan.FromMilliseconds(500),
                            // A process killed inside a state change leaves that job's lock row behind, and the job
                            // cannot move until the row expires (10 min by default); Hangfire holds these locks for
                            // the milliseconds of a state change or a scheduler pass, so a minute is ample.
                            DistributedLockTimeout = settings.LeaseTimeout > TimeSpan.FromMinutes(1) ? settings.LeaseTimeout : TimeSpan.FromMinutes(1),
                            PrepareSchemaIfNecessary = true,
                        });
                    break;
                case var p when p.Equals("SqlServer", StringComparison.OrdinalIgnoreCase):
                    config.UseSqlServerStorage(settings.RequireConnectionString(), SqlServerOptions(settings));
                    break;
                default:
                    throw new InvalidOperationException($"Queue:Provider '{provider}' is not a Hangfire storage of the sample; expected InMemory, PostgreSql or SqlServer.");
            }
        });
        if (settings.Role != QueueRole.Web)
        {
            builder.Services.AddHangfireServer((services, server) =>
            {
                server.UseRpcQueueOptions(services.GetRequiredService<IOptions<RpcQueueOptions>>().Value);
                // Deleting a running call cancels it within this (Hangfire's default is 5 s).
                server.CancellationCheckInterval = TimeSpan.FromSeconds(1);
                // Delayed and recurring calls are looked for this often (default 15 s).
                server.SchedulePollingInterval = TimeSpan.FromSeconds(2);
            });
        }
    }

    /// <summary>Hangfire's dashboard at <c>/hangfire</c>, protected like the management API.</summary>
    public static void MapDashboard(WebApplication app, SampleQueueSettings settings)
        => app.MapRpcQueueHangfireDashboard("/hangfire");

    /// <summary>Hangfire.SqlServer's recommended settings for 1.8, with the sample's lease.</summary>
    internal static SqlServerStorageOptions SqlServerOptions(SampleQueueSettings settings) => new()
    {
        CommandBatchMaxTimeout = TimeSpan.FromMinutes(5),
        SlidingInvisibilityTimeout = settings.LeaseTimeout,
        QueuePollInterval = TimeSpan.Zero,
        UseRecommendedIsolationLevel = true,
        DisableGlobalLocks = true,
        PrepareSchemaIfNecessary = true,
    };
}
