using Microsoft.AspNetCore.Http;

namespace SoapMiddleware.Protocols;

/// <summary>
/// How a protocol meets HTTP: which method carries its calls, where the request bytes are, how a request names its
/// operation outside the body, and which status a result or fault gets. The HTTP transport asks the protocol's binding
/// instead of knowing protocols. The defaults suit a body-in, body-out protocol: <c>POST</c>, the body, no action,
/// 200 / 400 for a Client fault / 500 for any other fault.
/// </summary>
public class RpcHttpBinding
{
    /// <summary>The defaults.</summary>
    public static RpcHttpBinding Default { get; } = new();

    /// <summary>The HTTP method of a call. Default <c>POST</c>.</summary>
    public virtual string Method => HttpMethods.Post;

    /// <summary>Whether the request is the query string (its UTF-8 bytes, without <c>?</c>) rather than the body. Default false.</summary>
    public virtual bool ReadsQueryString => false;

    /// <summary>Whether the request must carry a content type this protocol reads. Default true (false for query-string protocols).</summary>
    public virtual bool RequiresContentType => !ReadsQueryString;

    /// <summary>The action the request names outside its body (a SOAPAction header, say), or null. Default null.</summary>
    public virtual string? ReadAction(HttpRequest request) => null;

    /// <summary>The status of a finished call: 200, 400 for a Client fault, 500 for any other fault.</summary>
    public virtual int StatusCodeOf(MethodContext context) => context.Error switch
    {
        null => StatusCodes.Status200OK,
        RpcFault { Code: RpcFaultCode.Client } => StatusCodes.Status400BadRequest,
        _ => StatusCodes.Status500InternalServerError,
    };
}
