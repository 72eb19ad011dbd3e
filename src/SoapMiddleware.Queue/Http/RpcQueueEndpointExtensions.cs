using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SoapMiddleware;
using SoapMiddleware.Queue;
using SoapMiddleware.Queue.Http;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps the queue's HTTP surface: the enqueue endpoint, task polling, and the management API.</summary>
public static class RpcQueueEndpointExtensions
{
    /// <summary>
    /// Maps <c>POST {pattern}</c>: the body is a request the synchronous endpoint takes (SOAP 1.1 or 1.2, or JSON
    /// <c>{"Add": {...}}</c>); the answer is <c>202 Accepted</c> with the task's handle and
    /// <c>Location: {tasksPath}/{handle}</c>. Optional: <c>?queue=</c>, <c>?delaySeconds=</c>, and an
    /// <c>Idempotency-Key</c> header (the same key with a different request is <c>409</c>). When the queue's storage is
    /// unreachable the answer is <c>503</c> with <c>Retry-After</c> and nothing is stored.
    /// </summary>
    public static IEndpointConventionBuilder MapRpcQueueEndpoint(this IEndpointRouteBuilder endpoints, string pattern, string tasksPath = "/queue/tasks")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        QueueRegistrationCheck.EnsureAdded(endpoints.ServiceProvider, nameof(MapRpcQueueEndpoint));
        var group = endpoints.MapGroup(pattern);
        group.MapPost(string.Empty, (HttpContext http) => Handlers(http).EnqueueAsync(http, tasksPath));
        MethodNotAllowed.Map(group, string.Empty, HttpMethods.Post);
        return group;
    }

    /// <summary>
    /// Maps, for whoever holds a task's handle, <c>GET {pattern}/{handle}</c>: the task's state, progress, result or fault
    /// as JSON (with an <c>Accept</c> naming the response's own media type, such as <c>text/xml</c> for a SOAP task, the
    /// stored response itself; XML asked of a task whose response is not XML is <c>406</c>); and
    /// <c>GET {pattern}/{handle}/response</c>: the stored response of any task with the status its protocol's synchronous
    /// endpoint answers (SOAP fault 500; JSON Client fault 400), <c>202</c> while not finished.
    /// </summary>
    public static IEndpointConventionBuilder MapRpcQueueTasks(this IEndpointRouteBuilder endpoints, string pattern = "/queue/tasks")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        QueueRegistrationCheck.EnsureAdded(endpoints.ServiceProvider, nameof(MapRpcQueueTasks));
        var group = endpoints.MapGroup(pattern);
        group.MapGet("/{handle}", (HttpContext http, string handle) => Handlers(http).GetTaskAsync(http, handle, pattern));
        group.MapGet("/{handle}/response", (HttpContext http, string handle) => Handlers(http).GetResponseAsync(http, handle, pattern));
        MethodNotAllowed.Map(group, "/{handle}", HttpMethods.Get);
        MethodNotAllowed.Map(group, "/{handle}/response", HttpMethods.Get);
        return group;
    }

    /// <summary>
    /// Maps the JSON management API under <paramref name="pattern"/>: <c>GET stats</c>, <c>GET tasks?state=&amp;queue=&amp;skip=&amp;take=</c>,
    /// <c>GET tasks/{id}</c> (with the stored request as text in <c>payload</c>), <c>GET workers</c>, <c>GET recurring</c>,
    /// <c>POST tasks/{id}/retry</c> (409 naming its state for a task that is not Failed, Succeeded or Deleted),
    /// <c>DELETE tasks/{id}</c>, <c>DELETE recurring/{id}</c>, the same on every engine.
    /// Protected by <see cref="RpcQueueOptions.ManagementPolicy"/>, or to local requests only when no policy is set: from
    /// this machine, not through a proxy, to <c>localhost</c> or one of its addresses. The POST and DELETE calls must also
    /// carry the header <c>X-SoapMiddleware-Management: 1</c> and, when they have an <c>Origin</c>, this server's own,
    /// so that no other site's page can make them (answered 403 with a problem+json saying why).
    /// </summary>
    public static RouteGroupBuilder MapRpcQueue(this IEndpointRouteBuilder endpoints, string pattern)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        QueueRegistrationCheck.EnsureAdded(endpoints.ServiceProvider, nameof(MapRpcQueue));
        var options = endpoints.ServiceProvider.GetRequiredService<IOptions<RpcQueueOptions>>().Value;
        var group = endpoints.MapGroup(pattern);
        ManagementAccess.Protect(group, options, "The queue management API");

        group.MapGet("/stats", (IRpcQueueMonitor monitor, CancellationToken ct) => monitor.GetStatsAsync(ct));
        group.MapGet("/tasks", async (IRpcQueueMonitor monitor, string? state, [FromQuery(Name = "queue")] string? queueName, string? skip, string? take, CancellationToken ct) =>
        {
            // Read here rather than bound as int?: a binding failure would be an empty 400, not a problem naming the value.
            if (!TryParseCount(skip, 0, out var skipCount) || !TryParseCount(take, 50, out var takeCount))
            {
                return Results.Problem($"skip and take are whole numbers from 0; got skip '{EchoedText.Cap(skip ?? "")}', take '{EchoedText.Cap(take ?? "")}'.", statusCode: 400);
            }

            QueuedTaskState? filter = null;
            if (state is not null)
            {
                if (!Enum.TryParse<QueuedTaskState>(state, ignoreCase: true, out var parsed))
                {
                    return Results.Problem($"Unknown state '{EchoedText.Cap(state)}'; expected one of {string.Join(", ", Enum.GetNames<QueuedTaskState>())}.", statusCode: 400);
                }

                filter = parsed;
            }

            var tasks = await monitor.ListAsync(filter, queueName, skipCount, Math.Clamp(takeCount, 1, 500), ct).ConfigureAwait(false);
            return Results.Json(tasks.Select(t => TaskView.From(t)));
        });
        group.MapGet("/tasks/{id}", async (IRpcQueue queue, string id, CancellationToken ct) =>
        {
            // Unlike the public task endpoint, this shows the stored request: operators need the call's arguments.
            var task = await queue.GetAsync(id, ct).ConfigureAwait(false);
            return task is null
                ? Results.Problem($"No task '{EchoedText.Cap(id)}'.", statusCode: 404)
                : Results.Json(TaskView.WithPayload(task, await queue.GetHistoryAsync(id, ct).ConfigureAwait(false)));
        });
        group.MapGet("/workers", (IRpcQueueMonitor monitor, CancellationToken ct) => monitor.GetWorkersAsync(ct));
        group.MapGet("/recurring", (IRpcQueueMonitor monitor, CancellationToken ct) => monitor.ListRecurringAsync(ct));
        group.MapPost("/tasks/{id}/retry", async (IRpcQueue queue, string id, CancellationToken ct) =>
        {
            if (await queue.RetryAsync(id, ct).ConfigureAwait(false))
            {
                return Results.Ok(new { id, state = "Enqueued" });
            }

            // Refused: a task that exists is in a state a retry does not apply to, which is a conflict, not a miss.
            return await queue.GetAsync(id, ct).ConfigureAwait(false) is { } task
                ? Results.Problem($"Task '{EchoedText.Cap(id)}' is {task.State}; only Failed, Succeeded or Deleted tasks can be retried.", statusCode: 409, title: "Task not retryable")
                : Results.Problem($"No task '{EchoedText.Cap(id)}' to retry (only Failed, Succeeded or Deleted tasks can be retried).", statusCode: 404);
        });
        group.MapDelete("/tasks/{id}", async (IRpcQueue queue, string id, CancellationToken ct) =>
            await queue.DeleteAsync(id, ct).ConfigureAwait(false)
                ? Results.Ok(new { id, state = "Deleted" })
                : Results.Problem($"No task '{EchoedText.Cap(id)}' to delete.", statusCode: 404));
        group.MapDelete("/recurring/{id}", async (IRpcQueue queue, string id, CancellationToken ct) =>
            await queue.RemoveRecurringAsync(id, ct).ConfigureAwait(false)
                ? Results.Ok(new { id, removed = true })
                : Results.Problem($"No recurring call '{EchoedText.Cap(id)}'.", statusCode: 404));
        group.MapFallback("{**path}", (HttpContext http, string? path) => ManagementFallback.Answer(http, path));
        return group;
    }

    private static bool TryParseCount(string? text, int absent, out int value)
    {
        value = absent;
        return text is null || (int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out value));
    }

    private static QueueHttpHandlers Handlers(HttpContext http)
        => ActivatorUtilities.CreateInstance<QueueHttpHandlers>(http.RequestServices);
}
