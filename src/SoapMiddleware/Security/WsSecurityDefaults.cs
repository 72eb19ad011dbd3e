namespace SoapMiddleware.Security;

/// <summary>The defaults of the WS-Security UsernameToken authentication scheme (<c>AddWsSecurity()</c>).</summary>
public static class WsSecurityDefaults
{
    /// <summary>The scheme's name, <c>WsSecurity</c>: name it in a policy (<c>AddAuthenticationSchemes</c>) when the app has several.</summary>
    public const string AuthenticationScheme = "WsSecurity";
}
