using SampleApp.Services;
using SoapMiddleware;
using SoapMiddleware.MessagePack;
using SoapMiddleware.Queue;

namespace SampleApp;

/// <summary>Builds the sample web app; <c>Program</c> runs it and the end-to-end tests start it on a free port.</summary>
public static class SampleApplication
{
    /// <summary>Creates the app from command-line arguments (<c>--urls</c>, <c>--Queue:Provider</c>, ...).</summary>
    public static WebApplication Create(string[] args)
    {
        // The root appsettings.json is copied next to the binary, so the app finds it whatever the working directory.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });

        var rpc = builder.Services.AddRpc()
            .AddService<CalculatorService>()
            .AddServiceContract<Wcf.ICalculator, Wcf.Calculator>()   // the WCF-contract twin, served alone at /Calculator.svc
            .AddProtocol<MessagePackProtocol>()
            .ConfigureEvents(CallLogging.Attach);
        var queueSettings = builder.Configuration.GetSection(RpcQueueOptions.SectionName).Get<SampleQueueSettings>() ?? new SampleQueueSettings();
        var queue = rpc.AddQueue();
        if (!queueSettings.IsHangfire && !string.Equals(queueSettings.Engine, "Builtin", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"Queue:Engine '{queueSettings.Engine}' is not an engine; expected Builtin or Hangfire.");
        }

        if (queueSettings.IsHangfire)
        {
            SampleHangfire.Configure(builder, queue, queueSettings);
        }
        else
        {
            switch (queueSettings.EffectiveProvider)
            {
                case var p when p.Equals("Sqlite", StringComparison.OrdinalIgnoreCase):
                    if (!string.IsNullOrWhiteSpace(queueSettings.ConnectionString))
                    {
                        queue.UseSqlite(queueSettings.ConnectionString);
                    }

                    break;
                case var p when p.Equals("PostgreSql", StringComparison.OrdinalIgnoreCase):
                    queue.UsePostgreSql(queueSettings.RequireConnectionString());
                    break;
                default:
                    throw new InvalidOperationException($"Queue:Provider '{queueSettings.Provider}' is not a storage of the built-in engine; expected Sqlite or PostgreSql.");
            }
        }

        // Registered for DI only, not with AddService: it is served alone at /soap/documents, not on the calculator's endpoints.
        builder.Services.AddScoped<DocumentService>();
        builder.Services.AddHealthChecks().AddRpcQueue();
        SampleTelemetry.Configure(builder);
        SampleRateLimit.Configure(builder, queueSettings);
        SampleSecurity.Configure(builder);
        var app = builder.Build();
        SampleHealth.Map(app, queueSettings);
        if (queueSettings.Role == QueueRole.Workers)
        {
            return app;
        }

        // The open calculator needs no user: it answers before the authentication and authorization middleware run.
        app.UseRpc("/soap/calculator");
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        SampleSecurity.Map(app);
        app.MapRpc<Wcf.ICalculator>("/Calculator.svc");
        app.MapRpc<DocumentService>("/soap/documents");
        app.MapRpcJson("/json/calculator");
        app.MapRpcHttp("/rpc/calculator");
        app.MapRpc("/msgpack/calculator", p => p.In("msgpack").Out("msgpack"));
        app.MapRpc("/msgpack/calculator/{operation}", p => p.In("msgpack").Out("msgpack"));
        app.MapRpcOpenApi("/openapi/v1.json");
        SampleRateLimit.Limit(SampleSecurity.NameCaller(app.MapRpcQueueEndpoint("/queue/calculator", tasksPath: "/queue/tasks")), queueSettings);
        app.MapRpcQueueTasks("/queue/tasks");
        app.MapRpcQueue("/queue/api");
        app.MapRpcDashboard("/rpc-dashboard", "/queue/api");
        if (queueSettings.IsHangfire)
        {
            SampleHangfire.MapDashboard(app, queueSettings);
        }

        // Enqueueing from code: a typed call, serialized exactly as an HTTP client would send it.
        SampleRateLimit.Limit(app.MapPost("/demo/sleep/{seconds:int}", async (int seconds, IRpcQueue calls) =>
        {
            var id = await calls.EnqueueAsync<CalculatorService>(s => s.Sleep(seconds));
            var location = $"/queue/tasks/{id}";
            return Results.Accepted(location, new { id, state = "Enqueued", operation = nameof(CalculatorService.Sleep), location });
        }), queueSettings);
        return app;
    }
}
