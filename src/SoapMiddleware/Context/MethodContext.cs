using System.Xml.Linq;
using SoapMiddleware.Description;
using SoapMiddleware.Protocols;
using SoapMiddleware.Xml;

namespace SoapMiddleware;

/// <summary>
/// Everything about one call as it moves through the pipeline (Spyne's <c>MethodContext</c>).
/// Each stage reads the previous stage's property and sets its own:
/// <see cref="InString"/> → <see cref="InDocument"/> → <see cref="InHeaderDocument"/>/<see cref="InBodyDocument"/>
/// → <see cref="InObject"/> → <see cref="OutObject"/> → <see cref="OutDocument"/> → <see cref="OutString"/>,
/// with <see cref="InError"/> and <see cref="OutError"/> when a stage fails.
/// </summary>
/// <remarks>The same context type serves HTTP calls and queued calls; <see cref="Transport"/> tells which.</remarks>
public sealed class MethodContext
{
    private Dictionary<object, object?>? _inHeaders;
    private Dictionary<Type, object>? _outHeaders;
    private Dictionary<object, object?>? _items;
    private HashSet<XName>? _understoodHeaders;
    private XDocument? _inDocument;
    private XElement? _inHeaderDocument;
    private XElement? _inBodyDocument;
    private bool _inDocumentPending;

    internal MethodContext(RpcDescription description, RpcTransport transport, IServiceProvider services, CancellationToken cancellationToken)
    {
        Description = description;
        Transport = transport;
        Services = services;
        CancellationToken = cancellationToken;
    }

    /// <summary>The description of the services the call is for: its operations, namespace and types.</summary>
    public RpcDescription Description { get; }

    /// <summary>The transport that carried the call: <see cref="HttpRpcTransport"/> or a queue transport.</summary>
    public RpcTransport Transport { get; }

    /// <summary>The call's service provider (the request scope over HTTP, a scope per task in a worker).</summary>
    public IServiceProvider Services { get; }

    /// <summary>Cancelled when the caller goes away, the host stops, or a person deletes a queued task.</summary>
    public CancellationToken CancellationToken { get; }

    /// <summary>Per-call user data (Spyne's <c>udc</c>), shared by wrappers, listeners and the method.</summary>
    public IDictionary<object, object?> Items => _items ??= new Dictionary<object, object?>();

    /// <summary>
    /// SOAP header entries something before the protocol already processed, so <c>mustUnderstand="1"</c> counts them
    /// as understood: a queue run adds <c>wsse:Security</c> for a call its enqueuer was authenticated by. Over HTTP the
    /// WS-Security handler's accepted header counts too, without being listed here.
    /// </summary>
    public ICollection<XName> UnderstoodHeaders => _understoodHeaders ??= [];

    /// <summary>The protocol that reads the request.</summary>
    public IRpcProtocol? InProtocol { get; set; }

    /// <summary>The protocol that writes the response (the in protocol unless a transport chooses another).</summary>
    public IRpcProtocol? OutProtocol { get; set; }

    /// <summary>The request's content type, as the transport received it.</summary>
    public string? InContentType { get; init; }

    /// <summary>The action the transport received (SOAPAction header, or the SOAP 1.2 <c>action</c> parameter).</summary>
    public string? InAction { get; init; }

    /// <summary>The request bytes.</summary>
    public ReadOnlyMemory<byte> InString { get; set; }

    /// <summary>The parsed request document. Set by <see cref="IRpcProtocol.CreateInDocument"/>.</summary>
    /// <remarks>
    /// The SOAP protocols read requests straight from <see cref="InString"/> without building this tree; it is
    /// parsed from <see cref="InString"/> the first time anything reads it (or <see cref="InHeaderDocument"/>, or
    /// <see cref="InBodyDocument"/>) while the call runs, so a listener of <c>before_deserialize</c> or a call wrapper
    /// sees it as before. When it was read (or set) before the arguments were deserialized, they are read from the
    /// tree, so a listener may still change the request.
    /// </remarks>
    public XDocument? InDocument
    {
        get
        {
            BuildInDocument();
            return _inDocument;
        }

        set
        {
            BuildInDocument();
            _inDocument = value;
            InDocumentTouched = true;
        }
    }

    /// <summary>The request's header element, if any. Set by <see cref="IRpcProtocol.DecomposeIncomingEnvelope"/>; built on demand like <see cref="InDocument"/>.</summary>
    public XElement? InHeaderDocument
    {
        get
        {
            BuildInDocument();
            return _inHeaderDocument;
        }

        set
        {
            BuildInDocument();
            _inHeaderDocument = value;
            InDocumentTouched = true;
        }
    }

    /// <summary>
    /// The request's body payload element (the operation's wrapper). Set by <see cref="IRpcProtocol.DecomposeIncomingEnvelope"/>;
    /// built on demand like <see cref="InDocument"/>.
    /// </summary>
    public XElement? InBodyDocument
    {
        get
        {
            BuildInDocument();
            return _inBodyDocument;
        }

        set
        {
            BuildInDocument();
            _inBodyDocument = value;
            InDocumentTouched = true;
        }
    }

    /// <summary>The operation being called, once routing found it.</summary>
    public RpcOperation? Operation { get; set; }

    /// <summary>The deserialized arguments, in parameter order (injected parameters left null). Set by <see cref="IRpcProtocol.Deserialize"/>.</summary>
    public object?[]? InObject { get; set; }

    /// <summary>The method's result (null for void). Set by the pipeline after the call.</summary>
    public object? OutObject { get; set; }

    /// <summary>
    /// The response document. Set by <see cref="IRpcProtocol.Serialize"/> or <see cref="IRpcProtocol.SerializeFault"/>.
    /// For speed, a successful result skips this tree and goes straight to <see cref="OutString"/> unless a listener of
    /// <c>after_serialize</c> or <c>method_return_document</c> is registered (then it is always built).
    /// </summary>
    public XDocument? OutDocument { get; set; }

    /// <summary>The response bytes. Set by <see cref="IRpcProtocol.CreateOutString"/>.</summary>
    public ReadOnlyMemory<byte> OutString { get; set; }

    /// <summary>The response's content type, chosen by the out protocol.</summary>
    public string? OutContentType { get; set; }

    /// <summary>The error raised while reading the request (bad XML, unknown operation, invalid argument).</summary>
    public Exception? InError { get; set; }

    /// <summary>The error raised by the method or while writing the response.</summary>
    public Exception? OutError { get; set; }

    /// <summary>The error that the response reports: <see cref="InError"/> or <see cref="OutError"/>.</summary>
    public Exception? Error => InError ?? OutError;

    /// <summary>When the context was created (UTC).</summary>
    public DateTimeOffset CreatedAt { get; init; } = DateTimeOffset.UtcNow;

    /// <summary>
    /// Reports the method's progress (0-100) with an optional message. A queue worker stores it on the task and
    /// on the worker's row, where the dashboard shows it; over HTTP it does nothing.
    /// </summary>
    public ValueTask ReportProgressAsync(int percent, string? message = null)
        => Transport.ReportProgressAsync(Math.Clamp(percent, 0, 100), message, CancellationToken);

    /// <summary>Returns the typed request header of type <typeparamref name="T"/>, or null when the request has none.</summary>
    public T? GetInHeader<T>() where T : class
        => _inHeaders is not null && _inHeaders.TryGetValue(typeof(T), out var value) ? (T?)value : null;

    /// <summary>Sets (or replaces) a typed request header, as a call wrapper might.</summary>
    public void SetInHeader<T>(T value) where T : class
        => (_inHeaders ??= [])[typeof(T)] = value;

    /// <summary>Returns the typed response header of type <typeparamref name="T"/>, or null when none is set.</summary>
    public T? GetOutHeader<T>() where T : class
        => _outHeaders is not null && _outHeaders.TryGetValue(typeof(T), out var value) ? (T)value : null;

    /// <summary>Sets a typed response header; it must be declared with <see cref="RpcHeaderAttribute"/> (direction Out or InOut).</summary>
    public void SetOutHeader<T>(T value) where T : class
        => (_outHeaders ??= [])[typeof(T)] = value;

    /// <summary>
    /// Whether the out protocol must build <see cref="OutDocument"/> (a listener of <c>after_serialize</c> or
    /// <c>method_return_document</c> may read or change it). When false, the protocol writes
    /// <see cref="OutString"/> directly, without the intermediate tree.
    /// </summary>
    internal bool OutDocumentWanted { get; set; } = true;

    /// <summary>
    /// The call's MTOM state, or null for a call without MTOM (nearly every call). Kept in <see cref="Items"/> under a
    /// key of its own, so the context of every other call stays the size it was (the micro benchmark counts its bytes).
    /// </summary>
    internal MtomExchange? Mtom
    {
        get => _items is not null && _items.TryGetValue(MtomExchange.Key, out var value) ? (MtomExchange?)value : null;
        set => Items[MtomExchange.Key] = value;
    }

    /// <summary>When the context was created, as a <see cref="System.Diagnostics.Stopwatch"/> timestamp.</summary>
    internal long StartTimestamp { get; set; }

    /// <summary>The call's activity, when something listens to <see cref="RpcDiagnostics"/>.</summary>
    internal System.Diagnostics.Activity? Activity { get; set; }

    /// <summary>The in protocol's state for a request it read without a tree, and the means to build the tree.</summary>
    internal IInDocumentSource? InDocumentSource { get; private set; }

    /// <summary>
    /// Whether <see cref="InDocument"/>, <see cref="InHeaderDocument"/> or <see cref="InBodyDocument"/> was read or
    /// set since <see cref="SetInDocumentSource"/>: then the tree is authoritative and the protocol reads from it.
    /// </summary>
    internal bool InDocumentTouched { get; private set; }

    /// <summary>Makes the request documents lazy: built by <paramref name="source"/> when first read.</summary>
    internal void SetInDocumentSource(IInDocumentSource source)
    {
        InDocumentSource = source;
        InDocumentTouched = false;
        _inDocumentPending = true;
        _inDocument = null;
        _inHeaderDocument = null;
        _inBodyDocument = null;
    }

    /// <summary>Keeps a request header's value under its <see cref="Description.OperationHeader.Key"/>.</summary>
    internal void SetInHeader(object key, object? value) => (_inHeaders ??= [])[key] = value;

    internal bool TryGetInHeader(object key, out object? value)
    {
        value = null;
        return _inHeaders is not null && _inHeaders.TryGetValue(key, out value);
    }

    private void BuildInDocument()
    {
        if (!_inDocumentPending)
        {
            return;
        }

        _inDocumentPending = false;
        InDocumentTouched = true;
        var document = InDocumentSource!.LoadDocument();
        _inDocument = document;
        (_inHeaderDocument, _inBodyDocument) = InDocumentSource.FindParts(document);
    }

    internal IReadOnlyDictionary<Type, object>? OutHeaders => _outHeaders;

    /// <summary>
    /// The <c>wsu:Timestamp</c> the response carries in a <c>wsse:Security</c> header: set on the HTTP request by the
    /// WS-Security handler that accepted its token; <see langword="null"/> for any other call (a queued run included).
    /// </summary>
    internal Security.ResponseTimestamp? ResponseTimestamp
        => Transport is HttpRpcTransport http ? http.HttpContext.Features.Get<Security.ResponseTimestamp>() : null;

    /// <summary>Whether the header entry <paramref name="name"/> was processed before the protocol (<see cref="UnderstoodHeaders"/>, or the HTTP request's WS-Security handler).</summary>
    internal bool Understands(XName name)
        => _understoodHeaders?.Contains(name) == true
            || (Transport is HttpRpcTransport http && http.HttpContext.Features.Get<Security.UnderstoodSoapHeaders>()?.Names.Contains(name) == true);
}
