namespace SoapMiddleware.Security;

/// <summary>
/// Why a request's <c>wsse:Security</c> header was refused: the OASIS fault code (<see cref="WsSecurityNames"/>) and
/// words safe to send to the caller (no password, no stack trace). The handler's failure and its challenge's fault.
/// </summary>
internal sealed class WsSecurityFailure(string code, string message) : Exception(message)
{
    /// <summary>The local name of the fault code in the <c>wsse</c> namespace, such as <c>FailedAuthentication</c>.</summary>
    public string Code { get; } = code;

    public static WsSecurityFailure Invalid(string message) => new(WsSecurityNames.InvalidSecurity, message);

    /// <summary>One message for every authentication failure, so a caller cannot tell an unknown user from a wrong password.</summary>
    public static WsSecurityFailure Failed(string message = "The security token could not be authenticated.") => new(WsSecurityNames.FailedAuthentication, message);
}
