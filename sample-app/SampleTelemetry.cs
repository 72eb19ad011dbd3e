using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using SoapMiddleware;

namespace SampleApp;

/// <summary>
/// OpenTelemetry for the sample: the toolkit's <see cref="RpcDiagnostics.Name"/> activity source and meter, plus ASP.NET
/// Core's, exported to the console when <c>Telemetry:Console=true</c> and over OTLP when <c>Telemetry:OtlpEndpoint</c>
/// is set (both may be on). With neither, nothing is registered, so nothing listens and no activity is even created.
/// </summary>
internal static class SampleTelemetry
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Telemetry";

    /// <summary>The ASP.NET Core activity source and meter: the HTTP request becomes the parent of the enqueue span.</summary>
    private const string AspNetCore = "Microsoft.AspNetCore";

    public static void Configure(WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(SectionName);
        var console = section.GetValue<bool>("Console");
        var endpoint = section["OtlpEndpoint"];
        if (!console && string.IsNullOrWhiteSpace(endpoint))
        {
            return;
        }

        // A typo here would otherwise surface only as silently missing telemetry: refuse to start, naming the key.
        Uri? otlp = null;
        if (!string.IsNullOrWhiteSpace(endpoint) && !Uri.TryCreate(endpoint, UriKind.Absolute, out otlp))
        {
            throw new InvalidOperationException($"Telemetry:OtlpEndpoint '{endpoint}' is not an absolute URI such as http://127.0.0.1:4317.");
        }

        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(builder.Environment.ApplicationName))
            .WithTracing(tracing =>
            {
                tracing.AddSource(RpcDiagnostics.Name, AspNetCore);
                if (console)
                {
                    tracing.AddConsoleExporter();
                }

                if (otlp is not null)
                {
                    tracing.AddOtlpExporter(o => o.Endpoint = otlp);
                }
            })
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(RpcDiagnostics.Name, "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel");
                if (console)
                {
                    metrics.AddConsoleExporter();
                }

                if (otlp is not null)
                {
                    metrics.AddOtlpExporter(o => o.Endpoint = otlp);
                }
            });
    }
}
