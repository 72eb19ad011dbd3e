using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace SampleApp;

/// <summary><c>GET /health</c>: ASP.NET Core health checks with the queue's check, answered as a small JSON document.</summary>
internal static class SampleHealth
{
    public static void Map(WebApplication app, SampleQueueSettings settings)
        => app.MapHealthChecks("/health", new HealthCheckOptions
        {
            ResultStatusCodes =
            {
                [HealthStatus.Healthy] = StatusCodes.Status200OK,
                [HealthStatus.Degraded] = StatusCodes.Status200OK,
                [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
            },
            ResponseWriter = (http, report) =>
            {
                http.Response.ContentType = "application/json; charset=utf-8";
                return http.Response.WriteAsync(JsonSerializer.Serialize(new
                {
                    status = report.Status == HealthStatus.Healthy ? "ok" : report.Status.ToString().ToLowerInvariant(),
                    role = settings.Role.ToString(),
                    engine = settings.IsHangfire ? "Hangfire" : "Builtin",
                    checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description, data = e.Value.Data }),
                }));
            },
        });
}
