using System.Security.Cryptography;
using System.Xml;
using System.Xml.Linq;
using SoapMiddleware.Security;

namespace SoapMiddleware.Client.Security;

/// <summary>
/// The client's WS-Security UsernameToken (<see cref="Hosting.RpcClientOptions.UsernameToken"/>): a
/// <c>wsse:Security</c> header entry for each request (plain or MTOM), marked <c>mustUnderstand</c> as WCF marks it, with a
/// <c>wsu:Timestamp</c> and a token whose nonce and <c>Created</c> are new for every call. It holds only what is fixed,
/// so one instance serves any number of threads.
/// </summary>
internal sealed class UsernameTokenCredential(string username, string password, bool digest, TimeProvider time)
{
    private const string Soap11 = "http://schemas.xmlsoap.org/soap/envelope/";
    private const string Soap12 = "http://www.w3.org/2003/05/soap-envelope";
    private static readonly XNamespace Wsse = WsSecurityNames.Wsse;
    private static readonly XNamespace Wsu = WsSecurityNames.Wsu;

    /// <summary>How long the Timestamp says the message is good for. Five minutes, the server's default skew.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    public string Username => username;

    public bool Digest => digest;

    /// <summary>A new header entry for a request of <paramref name="protocol"/> (<c>soap11</c>, <c>soap12</c>): a fresh nonce and the current time, so no two calls send the same token.</summary>
    public XElement Create(string protocol)
    {
        XNamespace envelope = protocol == "soap12" ? Soap12 : Soap11;
        var now = time.GetUtcNow().UtcDateTime;
        var created = XmlConvert.ToString(now, "yyyy-MM-ddTHH:mm:ss.fffZ");
        var nonce = RandomNumberGenerator.GetBytes(16);
        return new XElement(
            Wsse + "Security",
            new XAttribute(XNamespace.Xmlns + "wsse", Wsse.NamespaceName),
            new XAttribute(XNamespace.Xmlns + "wsu", Wsu.NamespaceName),
            new XAttribute(envelope + "mustUnderstand", "1"),
            new XElement(
                Wsu + "Timestamp",
                new XElement(Wsu + "Created", created),
                new XElement(Wsu + "Expires", XmlConvert.ToString(now + Lifetime, "yyyy-MM-ddTHH:mm:ss.fffZ"))),
            new XElement(
                Wsse + "UsernameToken",
                new XElement(Wsse + "Username", username),
                new XElement(
                    Wsse + "Password",
                    new XAttribute("Type", digest ? WsSecurityNames.PasswordDigest : WsSecurityNames.PasswordText),
                    digest ? UsernameTokenDigest.Compute(nonce, created, password) : password),
                new XElement(Wsse + "Nonce", new XAttribute("EncodingType", WsSecurityNames.Base64Binary), Convert.ToBase64String(nonce)),
                new XElement(Wsu + "Created", created)));
    }
}
