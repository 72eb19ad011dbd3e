using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using SoapMiddleware.Protocols.Soap;
using SoapMiddleware.Queue.Storage;

namespace SoapMiddleware.Queue.Http;

/// <summary>
/// Asynchronous SOAP over HTTP: <c>POST</c> the request a synchronous endpoint takes and get <c>202 Accepted</c> with
/// the task's id and a <c>Location</c> to poll. A request that does not parse is refused at once with the same fault
/// the synchronous endpoint would answer, so a client learns about its mistake now rather than from a failed task.
/// </summary>
internal sealed class QueueHttpHandlers(RpcApplication application, IRpcQueue queue, IOptions<RpcQueueOptions> options)
{
    public async Task EnqueueAsync(HttpContext http, string tasksPath)
    {
        var request = http.Request;
        var protocol = application.SelectProtocol(request.ContentType);
        if (protocol is null)
        {
            await Results.Text($"Unsupported Content-Type '{request.ContentType}'; expected 'text/xml' (SOAP 1.1), 'application/soap+xml' (SOAP 1.2) or 'application/json' ({{\"Add\": {{...}}}}).", statusCode: 415).ExecuteAsync(http).ConfigureAwait(false);
            return;
        }

        var limit = options.Value.MaxPayloadBytes;
        byte[] payload;
        using (var body = await RequestBodyReader.ReadAsync(request, limit, http.RequestAborted).ConfigureAwait(false))
        {
            if (body.TooLarge)
            {
                await Results.Text($"The request body is larger than the limit of {limit} bytes.", statusCode: 413).ExecuteAsync(http).ConfigureAwait(false);
                return;
            }

            payload = body.Memory.ToArray();
        }

        var action = SoapVersion.MediaTypeOf(request.ContentType) == SoapVersion.Soap12.ContentType
            ? SoapVersion.ParameterOf(request.ContentType, "action")
            : request.Headers["SOAPAction"].ToString().Trim('"');
        var context = application.CreateContext(new HttpRpcTransport(http), http.RequestServices, payload, request.ContentType, action, http.RequestAborted);
        try
        {
            protocol.CreateInDocument(context);
            protocol.DecomposeIncomingEnvelope(context);
            protocol.Deserialize(context);
        }
        catch (Exception ex)
        {
            context.InError = ex;
            protocol.SerializeFault(context);
            protocol.CreateOutString(context);
            // The same status the synchronous endpoint answers: SOAP faults are 500, JSON Client faults 400.
            http.Response.StatusCode = protocol is SoapProtocol || ex is not RpcFault { Code: RpcFaultCode.Client }
                ? StatusCodes.Status500InternalServerError
                : StatusCodes.Status400BadRequest;
            http.Response.ContentType = context.OutContentType;
            await http.Response.Body.WriteAsync(context.OutString, http.RequestAborted).ConfigureAwait(false);
            return;
        }

        var enqueue = new EnqueueOptions
        {
            Queue = request.Query["queue"].FirstOrDefault(),
            IdempotencyKey = request.Headers["Idempotency-Key"].FirstOrDefault(),
            Delay = int.TryParse(request.Query["delaySeconds"], out var seconds) && seconds > 0 ? TimeSpan.FromSeconds(seconds) : null,
        };
        var id = await queue.EnqueueRequestAsync(payload, request.ContentType!, string.IsNullOrEmpty(action) ? context.Operation!.Action : action, enqueue, http.RequestAborted).ConfigureAwait(false);
        var location = $"{tasksPath.TrimEnd('/')}/{id}";
        await Results.Accepted(location, new { id, state = "Enqueued", operation = context.Operation!.Name, location }).ExecuteAsync(http).ConfigureAwait(false);
    }

    /// <summary>
    /// A task's state as JSON; or, for a client that accepts XML, the stored SOAP response itself once the task is
    /// finished (200 result, 500 fault) and 202 while it is not.
    /// </summary>
    public async Task<IResult> GetTaskAsync(HttpContext http, long id)
    {
        var task = await queue.GetAsync(id, http.RequestAborted).ConfigureAwait(false);
        if (task is null)
        {
            return Results.NotFound(new { error = $"No task {id}." });
        }

        var accept = http.Request.Headers.Accept.ToString();
        if (accept.Contains("xml", StringComparison.OrdinalIgnoreCase) && !accept.Contains("json", StringComparison.OrdinalIgnoreCase))
        {
            return task.State switch
            {
                QueuedTaskState.Succeeded => Results.Bytes(task.Result ?? [], task.ResultContentType ?? "text/xml; charset=utf-8"),
                QueuedTaskState.Failed when task.Fault is not null => new StatusBytesResult(task.Fault, task.ResultContentType ?? task.ContentType, StatusCodes.Status500InternalServerError),
                _ => Results.Json(TaskView.From(task), statusCode: 202),
            };
        }

        var history = await queue.GetHistoryAsync(id, http.RequestAborted).ConfigureAwait(false);
        return Results.Json(TaskView.From(task, history));
    }
}
