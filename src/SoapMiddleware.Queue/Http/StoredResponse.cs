using Microsoft.AspNetCore.Http;
using SoapMiddleware.Protocols;
using SoapMiddleware.Queue.Execution;

namespace SoapMiddleware.Queue.Http;

/// <summary>
/// A finished task's stored response answered as the synchronous endpoint of its protocol would answer it: the bytes in
/// their own media type, with the status the protocol's HTTP binding gives (SOAP: 500 for any fault; JSON and
/// MessagePack: 400 for a Client fault, 500 otherwise). The queue never maps statuses itself, so a protocol added with
/// <c>AddProtocol&lt;T&gt;()</c> gets its own statuses here too.
/// </summary>
internal static class StoredResponse
{
    /// <summary>The media type of the task's response (that of its result or fault, else of its request).</summary>
    public static string MediaTypeOf(QueuedTaskInfo task)
        => RpcMediaType.Of(task.ResultContentType ?? task.ContentType) ?? "application/octet-stream";

    /// <summary>
    /// Whether an <c>Accept</c> header takes the stored media type: absent, <c>*/*</c>, <c>type/*</c>, or naming it
    /// (quality 0 refuses). Kept small on purpose: the media types here carry no parameters that matter.
    /// </summary>
    public static bool Accepts(string accept, string mediaType)
    {
        if (string.IsNullOrWhiteSpace(accept))
        {
            return true;
        }

        var family = mediaType[..(mediaType.IndexOf('/') + 1)] + "*";
        return RpcMediaType.Accepted(accept).Any(type => type == "*/*" || type.Equals(family, StringComparison.OrdinalIgnoreCase) || type.Equals(mediaType, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The 406 for a client that accepts nothing the task's response is written in, naming what it can have.</summary>
    public static IResult NotAcceptable(QueuedTaskInfo task, string accept, string responsePath)
        => Results.Problem(
            $"Task '{EchoedText.Cap(task.Id)}' was enqueued as {task.ContentType} and its response is {MediaTypeOf(task)}, which the Accept header " +
            $"'{EchoedText.Cap(accept)}' does not take. Ask for {MediaTypeOf(task)} at {responsePath}, or for application/json to read the task's state.",
            statusCode: StatusCodes.Status406NotAcceptable,
            title: "Response not available in the requested media type");

    /// <summary>
    /// The stored result or fault with its protocol's status; while the task is not finished, 202 with its JSON view.
    /// A task whose call ended without a response (gave up after expired leases) answers 500 with a problem.
    /// </summary>
    public static IResult Answer(RpcApplication application, HttpContext http, QueuedTaskInfo task)
    {
        var contentType = task.ResultContentType ?? task.ContentType;
        return task.State switch
        {
            QueuedTaskState.Succeeded => new StatusBytesResult(task.Result ?? [], contentType, StatusOf(application, http, task, error: null)),
            QueuedTaskState.Failed when task.Fault is not null => new StatusBytesResult(task.Fault, contentType, StatusOf(application, http, task, ErrorOf(task))),
            QueuedTaskState.Failed => Results.Problem(task.Reason, statusCode: StatusCodes.Status500InternalServerError, title: "The queued call failed without a response"),
            _ => Results.Json(TaskView.From(task), statusCode: StatusCodes.Status202Accepted),
        };
    }

    /// <summary>
    /// Which fault the stored one was, as far as status goes: the executor rejects Client faults and unreadable requests
    /// for good (every engine stores that outcome); everything else failed as a Server fault.
    /// </summary>
    private static Exception ErrorOf(QueuedTaskInfo task)
        => task.Outcome == TaskOutcome.Rejected
            ? RpcFault.Client(task.Reason!)
            : new RpcFault(RpcFaultCode.Server, task.Reason ?? "Internal Error");

    /// <summary>Asks the protocol's binding, with a context carrying only what a binding reads: the protocol and the error.</summary>
    private static int StatusOf(RpcApplication application, HttpContext http, QueuedTaskInfo task, Exception? error)
    {
        var protocol = application.SelectProtocol(task.ContentType);
        if (protocol is null)
        {
            return error is null ? StatusCodes.Status200OK : StatusCodes.Status500InternalServerError;
        }

        // The public factory picks the same protocol by the content type, for both directions.
        var context = application.CreateContext(new HttpRpcTransport(http), http.RequestServices, default, task.ContentType, null, http.RequestAborted);
        context.OutError = error;
        return protocol.HttpBinding.StatusCodeOf(context);
    }
}
