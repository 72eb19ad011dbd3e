using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SoapMiddleware.Queue;
using SoapMiddleware.Queue.Http;
using SoapMiddleware.Queue.Storage;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps the queue's HTTP surface: the enqueue endpoint, task polling, and the management API.</summary>
public static class RpcQueueEndpointExtensions
{
    /// <summary>
    /// Maps <c>POST {pattern}</c>: the body is a request the synchronous endpoint takes (SOAP 1.1 or 1.2); the answer is
    /// <c>202 Accepted</c> with the task id and <c>Location: {tasksPath}/{id}</c>. Optional: <c>?queue=</c>,
    /// <c>?delaySeconds=</c>, and an <c>Idempotency-Key</c> header.
    /// </summary>
    public static IEndpointConventionBuilder MapRpcQueueEndpoint(this IEndpointRouteBuilder endpoints, string pattern, string tasksPath = "/queue/tasks")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        return endpoints.MapPost(pattern, (HttpContext http) => Handlers(http).EnqueueAsync(http, tasksPath));
    }

    /// <summary>Maps <c>GET {pattern}/{id}</c>: a task's state, progress, and SOAP result or fault.</summary>
    public static IEndpointConventionBuilder MapRpcQueueTasks(this IEndpointRouteBuilder endpoints, string pattern = "/queue/tasks")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        return endpoints.MapGet(pattern.TrimEnd('/') + "/{id:long}", (HttpContext http, long id) => Handlers(http).GetTaskAsync(http, id));
    }

    /// <summary>
    /// Maps the JSON management API under <paramref name="pattern"/>: <c>GET stats</c>, <c>GET tasks?state=&amp;queue=&amp;skip=&amp;take=</c>,
    /// <c>GET tasks/{id}</c>, <c>GET workers</c>, <c>POST tasks/{id}/retry</c>, <c>DELETE tasks/{id}</c>. Protected by
    /// <see cref="RpcQueueOptions.ManagementPolicy"/>, or to local requests only when no policy is set.
    /// </summary>
    public static RouteGroupBuilder MapRpcQueue(this IEndpointRouteBuilder endpoints, string pattern)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var options = endpoints.ServiceProvider.GetRequiredService<IOptions<RpcQueueOptions>>().Value;
        var group = endpoints.MapGroup(pattern);
        ManagementAccess.Protect(group, options, "The queue management API");

        group.MapGet("/stats", (IRpcQueue queue, CancellationToken ct) => queue.Storage.GetStatsAsync(ct));
        group.MapGet("/tasks", async (IRpcQueue queue, string? state, [FromQuery(Name = "queue")] string? queueName, int? skip, int? take, CancellationToken ct) =>
        {
            QueuedTaskState? filter = null;
            if (state is not null)
            {
                if (!Enum.TryParse<QueuedTaskState>(state, ignoreCase: true, out var parsed))
                {
                    return Results.Problem($"Unknown state '{state}'; expected one of {string.Join(", ", Enum.GetNames<QueuedTaskState>())}.", statusCode: 400);
                }

                filter = parsed;
            }

            var tasks = await queue.Storage.ListAsync(filter, queueName, Math.Max(skip ?? 0, 0), Math.Clamp(take ?? 50, 1, 500), ct).ConfigureAwait(false);
            return Results.Json(tasks.Select(t => TaskView.From(t)));
        });
        group.MapGet("/tasks/{id:long}", (HttpContext http, long id) => Handlers(http).GetTaskAsync(http, id));
        group.MapGet("/workers", (IRpcQueue queue, CancellationToken ct) => queue.Storage.GetWorkersAsync(ct));
        group.MapPost("/tasks/{id:long}/retry", async (IRpcQueue queue, long id, CancellationToken ct) =>
            await queue.RetryAsync(id, ct).ConfigureAwait(false) ? Results.Ok(new { id, state = "Enqueued" }) : Results.NotFound(new { error = $"No task {id} to retry (only Failed, Succeeded or Deleted tasks can be retried)." }));
        group.MapDelete("/tasks/{id:long}", async (IRpcQueue queue, long id, CancellationToken ct) =>
            await queue.DeleteAsync(id, ct).ConfigureAwait(false) ? Results.Ok(new { id, state = "Deleted" }) : Results.NotFound(new { error = $"No task {id} to delete." }));
        return group;
    }

    private static QueueHttpHandlers Handlers(HttpContext http)
        => ActivatorUtilities.CreateInstance<QueueHttpHandlers>(http.RequestServices);
}
