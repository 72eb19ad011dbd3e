using Microsoft.AspNetCore.Http;

using SoapMiddleware.Description;

namespace SoapMiddleware.Protocols.Soap;

/// <summary>
/// SOAP over HTTP (WS-I Basic Profile): the action is the <c>SOAPAction</c> header (SOAP 1.1, quotes trimmed) or the
/// <c>action</c> parameter of the content type (SOAP 1.2), and every fault is answered 500.
/// </summary>
internal sealed class SoapHttpBinding(SoapVersion version, RpcDescription description) : RpcHttpBinding
{
    public override string? ReadAction(HttpRequest request)
    {
        if (version.Is12)
        {
            return RpcMediaType.Parameter(request.ContentType, "action");
        }

        var header = request.Headers["SOAPAction"].ToString();
        var trimmed = SoapAction.Trim(header);

        // A known action is returned as the description's own string, so a quoted header costs no copy per request.
        return description.KnownAction(trimmed) ?? (trimmed.Length == header.Length ? header : trimmed.ToString());
    }

    /// <summary>SOAP 1.1: the quoted <c>SOAPAction</c> header; SOAP 1.2: the <c>action</c> parameter of the content type.</summary>
    public override void WriteAction(System.Net.Http.HttpRequestMessage request, RpcOperation operation)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(operation);
        if (!version.Is12)
        {
            request.Headers.TryAddWithoutValidation("SOAPAction", $"\"{operation.Action}\"");
        }
        else if (request.Content?.Headers.ContentType is { } contentType)
        {
            contentType.Parameters.Add(new System.Net.Http.Headers.NameValueHeaderValue("action", $"\"{operation.Action}\""));
        }
    }

    public override bool AcceptsOneWay => true;

    public override bool RejectsInPlainText => true;

    internal override SoapVersion WsdlVersion => version;

    public override int StatusCodeOf(MethodContext context)
        => context.Error is null ? StatusCodes.Status200OK : StatusCodes.Status500InternalServerError;
}
