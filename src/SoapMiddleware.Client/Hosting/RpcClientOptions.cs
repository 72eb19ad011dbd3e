using SoapMiddleware.Client.Calls;

namespace SoapMiddleware.Client.Hosting;

/// <summary>Where and how a client calls a service: bound per contract with the Options pattern (<c>AddRpcClient&lt;T&gt;</c>).</summary>
public sealed class RpcClientOptions
{
    /// <summary>The endpoint's URL, such as <c>http://host/soap/calculator</c>. Required.</summary>
    public Uri? Address { get; set; }

    /// <summary>The protocol the calls speak: <c>soap11</c> (default), <c>soap12</c> or <c>json</c>.</summary>
    public string Protocol { get; set; } = "soap11";

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
    /// binary parts, streamed, instead of base64 text. Default false. An MTOM response is read whatever this says; its
    /// attachments follow <see cref="RpcOptions.Mtom"/> of <see cref="ReaderLimits"/>.
    /// </summary>
    public bool UseMtom { get; set; }

    /// <summary>The largest response body read, in bytes (default 4 MiB): a larger one fails with <see cref="Transport.RpcResponseTooLargeException"/>, never buffered past the limit.</summary>
    public long MaxResponseBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>How many bytes of an HTTP error's body <see cref="Transport.RpcHttpException"/> keeps. Default 1024.</summary>
    public int ErrorExcerptBytes { get; set; } = 1024;

    /// <summary>The limits applied while reading a response (depth, attributes, namespaces); the server's defaults.</summary>
    public RpcOptions ReaderLimits { get; set; } = new();

    /// <summary>Listeners of the calls' events (<see cref="RpcClientEventNames"/>), fired on the calling thread for each call.</summary>
    public RpcClientEvents Events { get; } = new();
}
