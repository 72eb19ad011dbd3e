using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SoapMiddleware.Queue.Execution;
using SoapMiddleware.Queue.Producer;
using SoapMiddleware.Queue.Storage;

namespace SoapMiddleware.Queue.Http;

/// <summary>
/// Asynchronous calls over HTTP: <c>POST</c> the request a synchronous endpoint takes and get <c>202 Accepted</c> with
/// the task's handle and a <c>Location</c> to poll. The request is read first by the same pipeline stage a worker runs
/// (its events fire), so a request that does not parse is refused at once with the fault the synchronous endpoint
/// would answer, and a client learns about its mistake now rather than from a failed task.
/// </summary>
internal sealed class QueueHttpHandlers(RpcApplication application, RpcQueue queue, QueuedCallExecutor executor, IOptions<RpcQueueOptions> options, ILogger<QueueHttpHandlers> logger)
{
    /// <summary>How long a client should wait before trying again when the queue's storage is unreachable.</summary>
    private const int RetryAfterSeconds = 5;

    public async Task EnqueueAsync(HttpContext http, string tasksPath)
    {
        var request = http.Request;
        if (application.SelectProtocol(request.ContentType) is not { } reader)
        {
            var expected = string.Join(", ", application.Protocols.Where(p => p.HttpBinding.RequiresContentType).SelectMany(p => p.MediaTypes.Take(1).Select(t => $"'{t}' ({p.Name})")));
            await Results.Text($"Unsupported Content-Type '{Shorten(request.ContentType)}'; expected {expected}.", statusCode: 415).ExecuteAsync(http).ConfigureAwait(false);
            return;
        }

        var limit = options.Value.MaxPayloadBytes;
        byte[] payload;
        RequestBodyReader body;
        try
        {
            body = await RequestBodyReader.ReadAsync(request, limit, http.RequestAborted).ConfigureAwait(false);
        }
        catch (BadHttpRequestException refused)
        {
            await RequestBodyFailure.AnswerAsync(http, refused, logger).ConfigureAwait(false);
            return;
        }

        using (body)
        {
            if (body.TooLarge)
            {
                await Results.Text($"The request body is larger than the limit of {limit} bytes.", statusCode: 413).ExecuteAsync(http).ConfigureAwait(false);
                return;
            }

            payload = body.Memory.ToArray();
        }

        var context = await executor.ReadAsync(payload, request.ContentType, reader.HttpBinding.ReadAction(request), new HttpRpcTransport(http), http.RequestServices, http.RequestAborted).ConfigureAwait(false);
        try
        {
            var result = context.InError is not null
                ? FaultResult(context, reader)
                : await StoreAsync(http, context, payload, tasksPath).ConfigureAwait(false);
            await result.ExecuteAsync(http).ConfigureAwait(false);
        }
        finally
        {
            await executor.CloseAsync(context).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// A task's state as JSON; or, for a client that accepts XML, the stored SOAP response itself once the task is
    /// finished (200 result, 500 fault) and 202 while it is not. An unknown or forged handle is 404.
    /// </summary>
    public async Task<IResult> GetTaskAsync(HttpContext http, string handle)
    {
        var task = await queue.GetAsync(handle, http.RequestAborted).ConfigureAwait(false);
        if (task is null)
        {
            return Results.Problem($"No task '{Shorten(handle)}'.", statusCode: 404);
        }

        var accept = http.Request.Headers.Accept.ToString();
        if (WantsStoredResponse(accept, task))
        {
            return task.State switch
            {
                QueuedTaskState.Succeeded => Results.Bytes(task.Result ?? [], task.ResultContentType ?? "text/xml; charset=utf-8"),
                QueuedTaskState.Failed when task.Fault is not null => new StatusBytesResult(task.Fault, task.ResultContentType ?? task.ContentType, StatusCodes.Status500InternalServerError),
                _ => Results.Json(TaskView.From(task), statusCode: 202),
            };
        }

        var history = await queue.GetHistoryAsync(handle, http.RequestAborted).ConfigureAwait(false);
        return Results.Json(TaskView.From(task, history));
    }

    /// <summary>
    /// Whether the client asks for the stored response itself rather than the JSON view: it accepts XML (and not JSON),
    /// or names the media type the task was sent in (a MessagePack client gets MessagePack).
    /// </summary>
    private static bool WantsStoredResponse(string accept, QueuedTaskInfo task)
    {
        if (accept.Length == 0)
        {
            return false;
        }

        var stored = Protocols.Soap.SoapVersion.MediaTypeOf(task.ResultContentType ?? task.ContentType);
        if (stored is not null && !stored.Contains("json", StringComparison.OrdinalIgnoreCase) && accept.Contains(stored, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return accept.Contains("xml", StringComparison.OrdinalIgnoreCase) && !accept.Contains("json", StringComparison.OrdinalIgnoreCase);
    }

    internal static string Shorten(string? value) => EchoedText.Cap(value);

    private async Task<IResult> StoreAsync(HttpContext http, MethodContext context, byte[] payload, string tasksPath)
    {
        var request = http.Request;
        var operation = context.Operation!;
        if (EnqueueRequestCheck.Refusal(request, options.Value, out var enqueue) is { } refusal)
        {
            return refusal;
        }

        var action = string.IsNullOrEmpty(context.InAction) || application.FindOperationByAction(context.InAction.Trim('"')) is null
            ? operation.Action
            : context.InAction;
        var call = queue.NewCall(payload, request.ContentType!, action, operation, QueuedCallExecutor.Display(context), enqueue);
        string handle;
        try
        {
            handle = await queue.EnqueueAsync(call, http.RequestAborted).ConfigureAwait(false);
        }
        catch (IdempotencyKeyConflictException ex)
        {
            return Results.Problem(ex.Message, statusCode: StatusCodes.Status409Conflict, title: "Idempotency key conflict");
        }
        catch (QueueUnavailableException)
        {
            http.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Results.Problem("The queue's storage is unreachable; nothing was stored. Try again later.", statusCode: StatusCodes.Status503ServiceUnavailable, title: "Queue unavailable");
        }

        var location = $"{tasksPath.TrimEnd('/')}/{handle}";
        return Results.Accepted(location, new { id = handle, state = call.NotBefore is null ? "Enqueued" : "Scheduled", operation = operation.Name, location });
    }

    /// <summary>The fault the synchronous endpoint would answer, with the status the protocol's HTTP binding gives it.</summary>
    private static StatusBytesResult FaultResult(MethodContext context, Protocols.IRpcProtocol reader)
        => new(context.OutString.ToArray(), context.OutContentType ?? "text/plain", reader.HttpBinding.StatusCodeOf(context));
}
