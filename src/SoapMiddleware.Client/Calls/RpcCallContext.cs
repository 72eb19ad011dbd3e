using System.Xml.Linq;
using SoapMiddleware.Description;
using SoapMiddleware.Protocols;

namespace SoapMiddleware.Client.Calls;

/// <summary>
/// Everything about one client call, created for that call alone (the client's side of <see cref="MethodContext"/>):
/// its headers, the raw request and response, the result or error. Listeners receive it; nothing of a call is kept on
/// the shared client, so concurrent calls never see each other's state.
/// </summary>
public sealed class RpcCallContext
{
    private Dictionary<object, object?>? _items;
    private IReadOnlyList<XElement>? _responseSoapHeaders;

    internal RpcCallContext(RpcOperation operation, object?[] arguments, Uri address, string protocol, IRpcHeaderProtocol? headerProtocol, CancellationToken cancellationToken)
    {
        HeaderProtocol = headerProtocol;
        Operation = operation;
        Arguments = arguments;
        Address = address;
        Protocol = protocol;
        CancellationToken = cancellationToken;
    }

    /// <summary>The operation called.</summary>
    public RpcOperation Operation { get; }

    /// <summary>The wire arguments, in the order of the operation's request parts; a <c>method_call</c> listener may replace them.</summary>
    public object?[] Arguments { get; set; }

    /// <summary>The endpoint's URL.</summary>
    public Uri Address { get; }

    /// <summary>The protocol's name (<c>soap11</c>, <c>soap12</c>, <c>json</c>, <c>msgpack</c>).</summary>
    public string Protocol { get; }

    /// <summary>The caller's token (without the client's timeout).</summary>
    public CancellationToken CancellationToken { get; }

    /// <summary>HTTP headers sent with this call only (credentials, correlation ids): add them before or at <c>method_return_string</c>.</summary>
    public IDictionary<string, string> RequestHeaders { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// SOAP header entries sent with this call only: an <see cref="XElement"/>, sent as it is, a value of a header
    /// type the operation declares with <see cref="RpcHeaderAttribute"/>, or (an operation built from a WSDL) an
    /// <see cref="RpcHeaderValue"/> naming a header its WSDL declares. Filled from the <see cref="RpcCallScope"/>
    /// the call runs in; a <c>method_call</c> listener may add more.
    /// </summary>
    public IList<object> SoapHeaders { get; } = [];

    /// <summary>
    /// The response envelope's header entries (empty when it has none, or the protocol has no headers), read from
    /// <see cref="ResponseBytes"/> the first time they are asked for.
    /// </summary>
    /// <exception cref="InvalidDataException">The response is not a readable envelope.</exception>
    public IReadOnlyList<XElement> ResponseSoapHeaders
        => _responseSoapHeaders ??= HeaderProtocol is null || ResponseBytes.IsEmpty ? [] : HeaderProtocol.ReadResponseHeaders(ResponseBytes);

    /// <summary>The protocol's header reader and writer, when its envelope has headers (SOAP).</summary>
    internal IRpcHeaderProtocol? HeaderProtocol { get; }

    /// <summary>
    /// The response header of type <typeparamref name="T"/>, which the operation declares with
    /// <c>[RpcHeader(typeof(T), Direction = Out or InOut)]</c>; null when the response has none.
    /// </summary>
    /// <exception cref="ArgumentException">The operation declares no response header of that type.</exception>
    public T? GetResponseHeader<T>() where T : class
        => HeaderProtocol is null ? null : (T?)HeaderProtocol.ReadHeader(Operation, ResponseSoapHeaders, typeof(T));

    /// <summary>
    /// The value of the response header named <paramref name="name"/> (its element's local name), which the operation's
    /// WSDL declares for the response (<see cref="Description.Schema.SchemaOperation.ResponseHeaders"/>), read as its
    /// declared type (a complex one an <see cref="RpcRecord"/>); null when the response has none.
    /// </summary>
    /// <exception cref="ArgumentException">The operation declares no response header of that name.</exception>
    /// <exception cref="InvalidDataException">The header does not match its declared type.</exception>
    public object? GetResponseHeader(string name)
        => HeaderProtocol is null ? null : HeaderProtocol.ReadHeader(Operation, ResponseSoapHeaders, name);

    /// <summary>The request bytes, once written.</summary>
    public ReadOnlyMemory<byte> RequestBytes { get; internal set; }

    /// <summary>The request's content type, once written.</summary>
    public string? RequestContentType { get; internal set; }

    /// <summary>The response's HTTP status, once it arrived.</summary>
    public int? StatusCode { get; internal set; }

    /// <summary>The response's content type, once it arrived.</summary>
    public string? ResponseContentType { get; internal set; }

    /// <summary>The response bytes, once read (an HTTP error's excerpt only).</summary>
    public ReadOnlyMemory<byte> ResponseBytes { get; internal set; }

    /// <summary>The result, once read (null for a void operation).</summary>
    public object? Result { get; internal set; }

    /// <summary>Why the call failed: an <see cref="RpcFaultException"/>, an HTTP error, a timeout or a cancellation.</summary>
    public Exception? Error { get; internal set; }

    /// <summary>How long the call took, set when it is over.</summary>
    public TimeSpan Duration { get; internal set; }

    /// <summary>Data of this call, shared by its listeners.</summary>
    public IDictionary<object, object?> Items => _items ??= [];
}
