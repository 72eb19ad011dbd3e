using System.Xml.Linq;

namespace SoapMiddleware.Security;

/// <summary>
/// The names of the OASIS Web Services Security 1.0/1.1 UsernameToken profile: namespaces, password types and the fault
/// codes (<c>wsse:FailedAuthentication</c>, <c>wsse:InvalidSecurity</c>, <c>wsse:MessageExpired</c>). The server's
/// handler and the client's header use them.
/// </summary>
public static class WsSecurityNames
{
    /// <summary>The <c>wsse</c> namespace (WSS 1.0 secext).</summary>
    public const string Wsse = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";

    /// <summary>The <c>wsu</c> namespace (WSS 1.0 utility: <c>Timestamp</c>, <c>Created</c>, <c>Expires</c>).</summary>
    public const string Wsu = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd";

    /// <summary>The <c>Type</c> of a password sent in clear text (the default when <c>Type</c> is absent).</summary>
    public const string PasswordText = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordText";

    /// <summary>The <c>Type</c> of a password sent as <c>Base64(SHA-1(nonce + created + password))</c>.</summary>
    public const string PasswordDigest = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordDigest";

    /// <summary>The <c>EncodingType</c> of a base64 nonce.</summary>
    public const string Base64Binary = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-soap-message-security-1.0#Base64Binary";

    /// <summary>The fault code of a token that could not be authenticated (unknown user, wrong password, replayed nonce, stale <c>Created</c>).</summary>
    public const string FailedAuthentication = "FailedAuthentication";

    /// <summary>The fault code of a missing or malformed <c>wsse:Security</c> header.</summary>
    public const string InvalidSecurity = "InvalidSecurity";

    /// <summary>The fault code (WSS 1.1) of a message whose <c>wsu:Timestamp</c> has expired.</summary>
    public const string MessageExpired = "MessageExpired";

    /// <summary>The header entry <c>wsse:Security</c>.</summary>
    public static XName Security { get; } = XName.Get("Security", Wsse);
}
