using Microsoft.AspNetCore.Http;

namespace SoapMiddleware.Protocols.Soap;

/// <summary>
/// SOAP over HTTP (WS-I Basic Profile): the action is the <c>SOAPAction</c> header (SOAP 1.1, quotes trimmed) or the
/// <c>action</c> parameter of the content type (SOAP 1.2), and every fault is answered 500.
/// </summary>
internal sealed class SoapHttpBinding(SoapVersion version) : RpcHttpBinding
{
    public override string? ReadAction(HttpRequest request)
        => version.Is12
            ? SoapVersion.ParameterOf(request.ContentType, "action")
            : request.Headers["SOAPAction"].ToString().Trim().Trim('"');

    public override int StatusCodeOf(MethodContext context)
        => context.Error is null ? StatusCodes.Status200OK : StatusCodes.Status500InternalServerError;
}
