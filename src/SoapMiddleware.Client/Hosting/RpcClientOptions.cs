using SoapMiddleware.Client.Calls;
using SoapMiddleware.Client.Security;

namespace SoapMiddleware.Client.Hosting;

/// <summary>Where and how a client calls a service: bound per contract with the Options pattern (<c>AddRpcClient&lt;T&gt;</c>).</summary>
public sealed class RpcClientOptions
{
    /// <summary>The endpoint's URL, such as <c>http://host/soap/calculator</c>. Required.</summary>
    public Uri? Address { get; set; }

    /// <summary>
    /// The protocol the calls speak: <c>soap11</c>, <c>soap12</c>, <c>json</c> or <c>msgpack</c> (MessagePack). Null
    /// (the default) is <c>soap11</c> for a contract, and the SOAP version of its port for a client built from a WSDL;
    /// such a client speaks JSON or MessagePack too when named here, at <see cref="Address"/> (the endpoint of that protocol).
    /// </summary>
    public string? Protocol { get; set; }

    /// <summary>
    /// The namespace of an <see cref="RpcServiceAttribute"/> contract: the server's <c>Rpc:Namespace</c>. Default
    /// <c>http://tempuri.org/</c>, as the server's. A WCF <c>[ServiceContract]</c> declares its own, and this is ignored.
    /// </summary>
    public string Namespace { get; set; } = "http://tempuri.org/";

    /// <summary>How long one call may take, from sending the request to reading the whole response. Default 100 seconds.</summary>
    /// <remarks>A call that runs out of time throws <see cref="TimeoutException"/>; one the caller cancels throws <see cref="OperationCanceledException"/>.</remarks>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(100);

    /// <summary>
    /// Whether SOAP calls are sent as MTOM (<c>multipart/related</c>): <c>byte[]</c> and <c>Stream</c> arguments travel as
    /// binary parts, streamed, instead of base64 text; the root part is the envelope a plain call sends, with the call's
    /// SOAP headers and the <see cref="UsernameToken"/>. Default false. An MTOM response is read whatever this says; its
    /// attachments follow <see cref="RpcOptions.Mtom"/> of <see cref="ReaderLimits"/>.
    /// </summary>
    public bool UseMtom { get; set; }

    /// <summary>The largest response body read, in bytes (default 4 MiB): a larger one fails with <see cref="Transport.RpcResponseTooLargeException"/>, never buffered past the limit.</summary>
    public long MaxResponseBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>How many bytes of an HTTP error's body <see cref="Transport.RpcHttpException"/> keeps. Default 1024.</summary>
    public int ErrorExcerptBytes { get; set; } = 1024;

    /// <summary>The limits applied while reading a response (depth, attributes, namespaces); the server's defaults.</summary>
    public RpcOptions ReaderLimits { get; set; } = new();

    /// <summary>The WSDL service whose port a client built from a WSDL calls (<c>RpcClient.FromWsdlAsync</c>); null for the first with a SOAP port.</summary>
    public string? Service { get; set; }

    /// <summary>The WSDL port a client built from a WSDL calls; null for the first SOAP 1.1 or 1.2 port of <see cref="Service"/>.</summary>
    public string? Port { get; set; }

    /// <summary>
    /// Reads the WSDL and its imports for <c>RpcClient.FromWsdlAsync</c>; null for the default: files for a file WSDL,
    /// documents of the WSDL's own host and port for a URL.
    /// </summary>
    public Wsdl.IWsdlDocumentResolver? WsdlResolver { get; set; }

    /// <summary>Listeners of the calls' events (<see cref="RpcClientEventNames"/>), fired on the calling thread for each call.</summary>
    public RpcClientEvents Events { get; } = new();

    /// <summary>
    /// The operations (by name) safe to send twice, which <c>AddRetries</c> may send again after a transient failure;
    /// methods marked <see cref="Resilience.RpcIdempotentAttribute"/> are too. Empty by default: nothing is retried.
    /// </summary>
    public ISet<string> IdempotentOperations { get; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>The WS-Security UsernameToken sent with every call, once <see cref="UsernameToken"/> set it.</summary>
    internal UsernameTokenCredential? Security { get; private set; }

    /// <summary>
    /// Sends a WS-Security UsernameToken with every call (SOAP 1.1 and 1.2 only): a <c>wsse:Security</c> header with a
    /// <c>wsu:Timestamp</c> and the token, its nonce and <c>Created</c> new for each call. <paramref name="digest"/> sends
    /// <c>PasswordDigest</c> (<c>Base64(SHA-1(nonce + created + password))</c>), so the password itself never travels;
    /// otherwise <c>PasswordText</c>, which belongs on HTTPS only.
    /// </summary>
    /// <param name="username">The user name.</param>
    /// <param name="password">The password.</param>
    /// <param name="digest">Whether to send the password as a digest.</param>
    /// <param name="timeProvider">The clock of <c>Created</c> and the Timestamp; the system clock when null.</param>
    public void UsernameToken(string username, string password, bool digest = false, TimeProvider? timeProvider = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(username);
        ArgumentNullException.ThrowIfNull(password);
        Security = new UsernameTokenCredential(username, password, digest, timeProvider ?? TimeProvider.System);
    }
}
