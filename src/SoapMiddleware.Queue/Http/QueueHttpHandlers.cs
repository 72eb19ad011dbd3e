using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SoapMiddleware.Protocols;
using SoapMiddleware.Queue.Execution;
using SoapMiddleware.Queue.Producer;

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
        if (RpcMtom.IsMtom(request.ContentType))
        {
            await EnqueueMtomAsync(http, tasksPath).ConfigureAwait(false);
            return;
        }

        if (application.SelectProtocol(request.ContentType) is not { } reader)
        {
            var expected = string.Join(", ", application.Protocols.Where(p => p.HttpBinding.RequiresContentType).SelectMany(p => p.MediaTypes.Take(1).Select(t => $"'{t}' ({p.Name})")));
            await Results.Problem($"Unsupported Content-Type '{EchoedText.Cap(request.ContentType)}'; expected {expected}.", statusCode: StatusCodes.Status415UnsupportedMediaType).ExecuteAsync(http).ConfigureAwait(false);
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
            if (!http.Response.HasStarted)
            {
                await Results.Problem(refused.Message, statusCode: refused.StatusCode).ExecuteAsync(http).ConfigureAwait(false);
            }

            return;
        }

        using (body)
        {
            if (body.TooLarge)
            {
                await Results.Problem($"The request body is larger than the limit of {limit} bytes (Queue:MaxPayloadBytes).", statusCode: StatusCodes.Status413PayloadTooLarge).ExecuteAsync(http).ConfigureAwait(false);
                return;
            }

            payload = body.Memory.ToArray();
        }

        await ReadAndStoreAsync(http, reader, payload, request.ContentType!, reader.HttpBinding.ReadAction(request), tasksPath).ConfigureAwait(false);
    }

    /// <summary>
    /// An MTOM call is stored as the plain SOAP request it stands for, its parts inline as base64 text under the same
    /// <see cref="RpcQueueOptions.MaxPayloadBytes"/>: the task keeps its attachments in its own payload, and they go
    /// when it goes. The parts wait in temporary files only while the request is read.
    /// </summary>
    private async Task EnqueueMtomAsync(HttpContext http, string tasksPath)
    {
        var request = http.Request;
        var limit = options.Value.MaxPayloadBytes;
        byte[] payload;
        string contentType;
        try
        {
            (payload, contentType) = await RpcMtom.InlineAsync(request.Body, request.ContentType!, application.Options, limit, http.RequestAborted).ConfigureAwait(false);
        }
        catch (RpcMtomException refused)
        {
            await Results.Problem(refused.Message, statusCode: refused.StatusCode).ExecuteAsync(http).ConfigureAwait(false);
            return;
        }
        catch (BadHttpRequestException refused)
        {
            await RequestBodyFailure.AnswerAsync(http, refused, logger).ConfigureAwait(false);
            return;
        }

        if (application.SelectProtocol(contentType) is not { HttpBinding.HasServiceDocument: true } reader)
        {
            await Results.Problem($"The MTOM message's envelope type '{EchoedText.Cap(contentType)}' is not SOAP.", statusCode: StatusCodes.Status415UnsupportedMediaType).ExecuteAsync(http).ConfigureAwait(false);
            return;
        }

        var action = RpcMediaType.Parameter(contentType, "action") ?? reader.HttpBinding.ReadAction(request);
        await ReadAndStoreAsync(http, reader, payload, contentType, action, tasksPath).ConfigureAwait(false);
    }

    private async Task ReadAndStoreAsync(HttpContext http, IRpcProtocol reader, byte[] payload, string contentType, string? action, string tasksPath)
    {
        var context = await executor.ReadAsync(payload, contentType, action, new HttpRpcTransport(http), http.RequestServices, http.RequestAborted).ConfigureAwait(false);
        try
        {
            var result = context.InError is not null
                ? FaultResult(context, reader)
                : await StoreAsync(http, context, payload, contentType, tasksPath).ConfigureAwait(false);
            await result.ExecuteAsync(http).ConfigureAwait(false);
        }
        finally
        {
            await executor.CloseAsync(context).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// A task's state as JSON; or, for a client that asks for the media type the task's response is written in (and not
    /// JSON), the stored response itself, as <see cref="GetResponseAsync"/> answers it. A client that asks only for XML
    /// when the response is not XML (a JSON or MessagePack task) gets 406 rather than bytes it did not ask for. An
    /// unknown or forged handle is 404.
    /// </summary>
    public async Task<IResult> GetTaskAsync(HttpContext http, string handle, string tasksPath)
    {
        var task = await queue.GetAsync(handle, http.RequestAborted).ConfigureAwait(false);
        if (task is null)
        {
            return NoTask(handle);
        }

        var accept = http.Request.Headers.Accept.ToString();
        if (WantsStoredResponse(accept, task))
        {
            return StoredResponse.Answer(application, http, task);
        }

        if (WantsXmlOnly(accept))
        {
            return StoredResponse.NotAcceptable(task, accept, ResponsePath(tasksPath, handle));
        }

        var history = await queue.GetHistoryAsync(handle, http.RequestAborted).ConfigureAwait(false);
        return Results.Json(TaskView.From(task, history));
    }

    /// <summary>
    /// <c>GET {tasks}/{handle}/response</c>: the stored response of any task, whatever its protocol (the one way to a
    /// JSON task's own response, since the task's JSON view has the same media type), with the status the synchronous
    /// endpoint of that protocol answers; 202 with the JSON view while not finished; 406 when Accept refuses its media type.
    /// </summary>
    public async Task<IResult> GetResponseAsync(HttpContext http, string handle, string tasksPath)
    {
        var task = await queue.GetAsync(handle, http.RequestAborted).ConfigureAwait(false);
        if (task is null)
        {
            return NoTask(handle);
        }

        var accept = http.Request.Headers.Accept.ToString();
        return StoredResponse.Accepts(accept, StoredResponse.MediaTypeOf(task)) || !IsFinished(task)
            ? StoredResponse.Answer(application, http, task)
            : StoredResponse.NotAcceptable(task, accept, ResponsePath(tasksPath, handle));
    }

    internal static string ResponsePath(string tasksPath, string handle) => $"{tasksPath.TrimEnd('/')}/{handle}/response";

    private static IResult NoTask(string handle) => Results.Problem($"No task '{EchoedText.Cap(handle)}'.", statusCode: StatusCodes.Status404NotFound);

    private static bool IsFinished(QueuedTaskInfo task) => task.State is QueuedTaskState.Succeeded or QueuedTaskState.Failed;

    /// <summary>
    /// Whether the client asks for the stored response itself rather than the JSON view: it names the media type the
    /// response is written in (a SOAP client asks for XML, a MessagePack client for MessagePack), and not JSON.
    /// </summary>
    private static bool WantsStoredResponse(string accept, QueuedTaskInfo task)
    {
        if (accept.Length == 0 || accept.Contains("json", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var stored = StoredResponse.MediaTypeOf(task);
        return accept.Contains(stored, StringComparison.OrdinalIgnoreCase)
            || (accept.Contains("xml", StringComparison.OrdinalIgnoreCase) && stored.Contains("xml", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>An Accept that names XML, and neither JSON nor any type: the JSON view is not what this client reads.</summary>
    private static bool WantsXmlOnly(string accept)
        => accept.Contains("xml", StringComparison.OrdinalIgnoreCase)
            && !accept.Contains("json", StringComparison.OrdinalIgnoreCase)
            && !accept.Contains("*/*", StringComparison.Ordinal);

    private async Task<IResult> StoreAsync(HttpContext http, MethodContext context, byte[] payload, string contentType, string tasksPath)
    {
        var request = http.Request;
        var operation = context.Operation!;
        if (EnqueueRequestCheck.Refusal(request, options.Value, out var enqueue) is { } refusal)
        {
            return refusal;
        }

        var action = string.IsNullOrEmpty(context.InAction) || application.FindOperationByAction(Protocols.Soap.SoapAction.Parse(context.InAction) ?? string.Empty) is null
            ? operation.Action
            : context.InAction;
        // The caller's token stays out of storage; who the caller was is kept as EnqueuedBy.
        (payload, contentType) = StoredRequest.WithoutSecurityHeader(payload, contentType);
        var call = queue.NewCall(payload, contentType, action, operation, QueuedCallExecutor.Display(context), enqueue) with
        {
            // The caller the app's authentication made (a WS-Security token, a cookie, a bearer token): the task keeps its name.
            EnqueuedBy = http.User.Identity is { IsAuthenticated: true, Name: { Length: > 0 } name } ? name : null,
        };
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
