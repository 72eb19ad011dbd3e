using System.Collections.Concurrent;

namespace SoapMiddleware.Client.Calls;

/// <summary>
/// What the calls made inside it, on this async flow, send and got back, as WCF's <c>OperationContextScope</c>: SOAP
/// header entries and HTTP headers added to each call, and each call's <see cref="RpcCallContext"/> (its response
/// headers, raw response) once it is over. It travels with the async flow (an <see cref="AsyncLocal{T}"/>), never with
/// the shared client, so concurrent calls in their own scopes never see each other's headers.
/// </summary>
/// <example>
/// <code>
/// using (var scope = new RpcCallScope())
/// {
///     scope.SoapHeaders.Add(new XElement(XName.Get("Tenant", "urn:example"), "acme"));
///     int sum = await calculator.AddAsync(1, 2);
///     XElement? echoed = scope.LastCall?.ResponseSoapHeaders.FirstOrDefault();
/// }
/// </code>
/// </example>
public sealed class RpcCallScope : IDisposable
{
    private static readonly AsyncLocal<RpcCallScope?> Ambient = new();
    private readonly RpcCallScope? _outer;
    private readonly ConcurrentQueue<RpcCallContext> _calls = new();
    private bool _disposed;

    /// <summary>Opens a scope on the current async flow; it replaces any outer scope until disposed.</summary>
    public RpcCallScope()
    {
        _outer = Ambient.Value;
        Ambient.Value = this;
    }

    /// <summary>The innermost scope open on the current async flow, or null.</summary>
    public static RpcCallScope? Current => Ambient.Value;

    /// <summary>
    /// SOAP header entries for every call in the scope: an <see cref="System.Xml.Linq.XElement"/>, sent as it is, a
    /// value of a header type the operation declares with <see cref="RpcHeaderAttribute"/>, or (an operation built from
    /// a WSDL) a <see cref="Protocols.RpcHeaderValue"/> naming a header its WSDL declares, written as that header's element. A call over a protocol
    /// without headers (JSON, MessagePack) fails with <see cref="NotSupportedException"/> when this is not empty.
    /// </summary>
    public IList<object> SoapHeaders { get; } = [];

    /// <summary>HTTP headers for every call in the scope (credentials, correlation ids).</summary>
    public IDictionary<string, string> HttpHeaders { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>The calls made in the scope, in the order they started.</summary>
    public IReadOnlyCollection<RpcCallContext> Calls => _calls;

    /// <summary>The call that started last in the scope, or null.</summary>
    public RpcCallContext? LastCall => _calls.LastOrDefault();

    /// <summary>Closes the scope: the outer scope, if any, is current again.</summary>
    public void Dispose()
    {
        if (!_disposed)
        {
            _disposed = true;
            if (ReferenceEquals(Ambient.Value, this))
            {
                Ambient.Value = _outer;
            }
        }
    }

    /// <summary>Gives a call starting in the scope its headers, and keeps its context.</summary>
    internal void Enter(RpcCallContext context)
    {
        foreach (var header in SoapHeaders)
        {
            context.SoapHeaders.Add(header);
        }

        foreach (var (name, value) in HttpHeaders)
        {
            context.RequestHeaders[name] = value;
        }

        _calls.Enqueue(context);
    }
}
