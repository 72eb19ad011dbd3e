using System.Security.Cryptography;
using System.Xml;
using System.Xml.Linq;
using SoapMiddleware.Security;

namespace SoapMiddleware.Client.Security;

/// <summary>
/// The client's WS-Security UsernameToken (<see cref="Hosting.RpcClientOptions.UsernameToken"/>): it adds a
/// <c>wsse:Security</c> header entry, marked <c>mustUnderstand</c> as WCF marks it, to each request, with a
/// <c>wsu:Timestamp</c> and a token whose nonce and <c>Created</c> are new for every call. It holds only what is fixed,
/// so one instance serves any number of threads.
/// </summary>
internal sealed class UsernameTokenCredential(string username, string password, bool digest, TimeProvider time)
{
    private static readonly XNamespace Wsse = WsSecurityNames.Wsse;
    private static readonly XNamespace Wsu = WsSecurityNames.Wsu;

    /// <summary>How long the Timestamp says the message is good for. Five minutes, the server's default skew.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    public string Username => username;

    public bool Digest => digest;

    /// <summary>The request envelope <paramref name="payload"/> with the Security header added (a Header is created when it has none).</summary>
    public byte[] Apply(byte[] payload)
    {
        var document = XDocument.Parse(System.Text.Encoding.UTF8.GetString(payload), LoadOptions.PreserveWhitespace);
        var envelope = document.Root ?? throw new InvalidOperationException("The request has no envelope.");
        var env = envelope.Name.Namespace;
        var header = envelope.Element(env + "Header");
        if (header is null)
        {
            header = new XElement(env + "Header");
            envelope.AddFirst(header);
        }

        header.Add(Create(env));
        using var buffer = new MemoryStream(payload.Length + 1024);
        using (var writer = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new System.Text.UTF8Encoding(false) }))
        {
            document.Save(writer);
        }

        return buffer.ToArray();
    }

    /// <summary>A new header entry: a fresh nonce and the current time, so no two calls send the same token.</summary>
    public XElement Create(XNamespace envelope)
    {
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
