using System.Security.Cryptography;
using System.Text;
using System.Xml;

namespace SoapMiddleware.Tests.Security;

/// <summary>wsse:Security header entries written by hand, so the tests see exactly what goes on the wire.</summary>
internal static class SecurityTokens
{
    public const string Wsse = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";
    public const string Wsu = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd";
    private const string Profile = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0";

    /// <summary>The OASIS formula, written out here rather than taken from the code under test.</summary>
    public static string Digest(byte[] nonce, string created, string password)
        => Convert.ToBase64String(SHA1.HashData([.. nonce, .. Encoding.UTF8.GetBytes(created), .. Encoding.UTF8.GetBytes(password)]));

    public static string Header(
        string user,
        string password,
        bool digest,
        DateTimeOffset created,
        byte[]? nonce = null,
        string? mustUnderstand = null,
        DateTimeOffset? expires = null,
        string? envelopePrefix = "soap",
        string? envelopeNamespace = "http://schemas.xmlsoap.org/soap/envelope/")
    {
        nonce ??= RandomNumberGenerator.GetBytes(16);
        var createdText = XmlConvert.ToString(created.UtcDateTime, XmlDateTimeSerializationMode.Utc);
        var passwordElement = digest
            ? $"""<wsse:Password Type="{Profile}#PasswordDigest">{Digest(nonce, createdText, password)}</wsse:Password>"""
            : $"""<wsse:Password Type="{Profile}#PasswordText">{password}</wsse:Password>""";
        var understand = mustUnderstand is null ? "" : $""" xmlns:{envelopePrefix}="{envelopeNamespace}" {envelopePrefix}:mustUnderstand="{mustUnderstand}" """;
        var timestamp = expires is null ? "" : $"""<wsu:Timestamp><wsu:Created>{createdText}</wsu:Created><wsu:Expires>{XmlConvert.ToString(expires.Value.UtcDateTime, XmlDateTimeSerializationMode.Utc)}</wsu:Expires></wsu:Timestamp>""";
        return $"""<wsse:Security xmlns:wsse="{Wsse}" xmlns:wsu="{Wsu}"{understand}>{timestamp}<wsse:UsernameToken><wsse:Username>{user}</wsse:Username>{passwordElement}<wsse:Nonce EncodingType="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-soap-message-security-1.0#Base64Binary">{Convert.ToBase64String(nonce)}</wsse:Nonce><wsu:Created>{createdText}</wsu:Created></wsse:UsernameToken></wsse:Security>""";
    }
}
