using System.Net;

namespace SoapMiddleware.Client.Transport;

/// <summary>
/// The service answered with an HTTP error that is not a fault of the call's protocol (a 404, a proxy's 502, an HTML
/// error page): the status, the content type and the first bytes of the body, so the cause can be read in a log.
/// </summary>
public sealed class RpcHttpException : HttpRequestException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="status">The response's status.</param>
    /// <param name="contentType">The response's content type, or null.</param>
    /// <param name="bodyExcerpt">The start of the body, decoded as UTF-8 (capped).</param>
    /// <param name="operation">The operation called.</param>
    /// <param name="address">The endpoint's URL.</param>
    public RpcHttpException(HttpStatusCode status, string? contentType, string bodyExcerpt, string operation, Uri address)
        : base($"The call of '{operation}' at {address} answered HTTP {(int)status} ({status}){(contentType is null ? "" : $", {contentType}")}: {(bodyExcerpt.Length == 0 ? "(empty body)" : bodyExcerpt)}", null, status)
    {
        ContentType = contentType;
        BodyExcerpt = bodyExcerpt;
        Operation = operation;
        Address = address;
    }

    /// <summary>The response's content type, or null.</summary>
    public string? ContentType { get; }

    /// <summary>The start of the body, decoded as UTF-8, at most <c>RpcClientOptions.ErrorExcerptBytes</c> bytes.</summary>
    public string BodyExcerpt { get; }

    /// <summary>The operation called.</summary>
    public string Operation { get; }

    /// <summary>The endpoint's URL.</summary>
    public Uri Address { get; }
}
