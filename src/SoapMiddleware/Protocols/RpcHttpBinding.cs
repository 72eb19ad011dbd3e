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

    /// <summary>
    /// Whether the endpoint's service document (the WSDL at <c>?wsdl</c>) describes this protocol's calls, rather than
    /// the OpenAPI document: true for SOAP. An endpoint that reads such a protocol serves <c>?wsdl</c> and <c>?xsd</c>.
    /// </summary>
    public bool HasServiceDocument => WsdlVersion is not null;

    /// <summary>
    /// Whether a successful call of a one-way operation (WCF <c>IsOneWay</c>) is answered 202 with no body, the caller
    /// reading no reply. Default false: the call is answered as any other.
    /// </summary>
    public virtual bool AcceptsOneWay => false;

    /// <summary>
    /// Whether a request refused before the pipeline (405, 415) is answered in plain text rather than as a fault of this
    /// protocol. Default false; SOAP says true, as a SOAP fault for a request that is not SOAP would mislead the client.
    /// </summary>
    public virtual bool RejectsInPlainText => false;

    /// <summary>The SOAP version the WSDL gives a binding and port to for this protocol, or null (no service document).</summary>
    internal virtual Soap.SoapVersion? WsdlVersion => null;

    /// <summary>The action the request names outside its body (a SOAPAction header, say), or null. Default null.</summary>
    public virtual string? ReadAction(HttpRequest request) => null;

    /// <summary>
    /// Names <paramref name="operation"/> outside the body of a request a client sends, the reverse of
    /// <see cref="ReadAction"/> (SOAP: the <c>SOAPAction</c> header or the content type's <c>action</c>). Default: nothing.
    /// </summary>
    public virtual void WriteAction(System.Net.Http.HttpRequestMessage request, Description.RpcOperation operation)
    {
    }

    /// <summary>The status of a finished call: 200, 400 for a Client fault, 500 for any other fault.</summary>
    public virtual int StatusCodeOf(MethodContext context) => context.Error switch
    {
        null => StatusCodes.Status200OK,
        RpcFault { Code: RpcFaultCode.Client } => StatusCodes.Status400BadRequest,
        _ => StatusCodes.Status500InternalServerError,
    };
}
