using System.Collections.Frozen;
using System.Diagnostics;
using System.Net.Http.Headers;
using SoapMiddleware.Client.Hosting;
using SoapMiddleware.Client.Resilience;
using SoapMiddleware.Client.Transport;
using SoapMiddleware.Client.Typed;
using SoapMiddleware.Description;
using SoapMiddleware.Protocols;

namespace SoapMiddleware.Client.Calls;

/// <summary>
/// Calls the operations of a description over HTTP with one protocol, run in reverse: the protocol writes the request
/// and reads the response or fault, with the server's type model and serializers. One instance serves any number of
/// threads: it holds only what is fixed (description, protocol, options); each call has its own <see cref="RpcCallContext"/>.
/// </summary>
public sealed partial class RpcClient
{
    private readonly Func<HttpClient> _httpClient;
    private readonly IRpcProtocol _protocol;
    private readonly IRpcRequestWriter _writer;
    private readonly IRpcResponseReader _reader;
    private readonly RpcClientOptions _options;
    private readonly Uri _address;
    private readonly FrozenSet<RpcOperation> _idempotent;
    private readonly HttpMethod _method;

    /// <summary>Creates a client of <paramref name="description"/>'s operations.</summary>
    /// <param name="description">The operations and their types.</param>
    /// <param name="options">The address, protocol, limits and listeners; read once, here.</param>
    /// <param name="httpClient">Returns the HTTP client of a call (<c>IHttpClientFactory.CreateClient</c>, or one shared instance); it is never disposed here.</param>
    public RpcClient(RpcDescription description, RpcClientOptions options, Func<HttpClient> httpClient)
        : this(description, options, httpClient, options?.Address, options?.Protocol ?? "soap11", [])
    {
    }

    // The address and protocol are the options' unless a WSDL's port gives them; the options are never changed.
    private RpcClient(RpcDescription description, RpcClientOptions? options, Func<HttpClient> httpClient, Uri? address, string protocol, IReadOnlyList<Wsdl.WsdlWarning> warnings)
    {
        ArgumentNullException.ThrowIfNull(description);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(httpClient);
        Description = description;
        Warnings = warnings;
        _options = options;
        _httpClient = httpClient;
        _address = address ?? throw new InvalidOperationException("RpcClientOptions.Address is not set: give the endpoint's URL, such as http://host/soap/calculator.");
        _protocol = ClientProtocols.Create(protocol, description, options.ReaderLimits)
            ?? throw new InvalidOperationException($"Unknown protocol '{protocol}'; a client speaks {string.Join(", ", ClientProtocols.Names)}.");
        _writer = _protocol as IRpcRequestWriter ?? throw NotAClientProtocol();
        _reader = _protocol as IRpcResponseReader ?? throw NotAClientProtocol();
        _idempotent = RpcClientRequests.IdempotentOperations(description, options);
        _method = HttpMethod.Parse(_protocol.HttpBinding.Method);
        if (options.Security is not null && _protocol.Name is not ("soap11" or "soap12"))
        {
            throw new InvalidOperationException($"RpcClientOptions.UsernameToken needs a SOAP protocol (soap11 or soap12), not '{_protocol.Name}': WS-Security travels in the SOAP header.");
        }
    }

    /// <summary>The description whose operations this client calls.</summary>
    public RpcDescription Description { get; }

    /// <summary>The protocol's name.</summary>
    public string Protocol => _protocol.Name;

    /// <summary>The endpoint's URL.</summary>
    public Uri Address => _address;

    /// <summary>What a client built from a WSDL could not use (import and mapping), each with its location; empty otherwise.</summary>
    public IReadOnlyList<Wsdl.WsdlWarning> Warnings { get; }

    /// <summary>
    /// A client of the contract <paramref name="contractType"/>: an <see cref="RpcServiceAttribute"/> class or interface
    /// (namespace <see cref="RpcClientOptions.Namespace"/>), or a WCF <c>[ServiceContract]</c> interface.
    /// </summary>
    public static RpcClient ForContract(Type contractType, RpcClientOptions options, Func<HttpClient> httpClient)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new RpcClient(ContractDescriptions.Describe(contractType, options.Namespace), options, httpClient);
    }

    /// <summary>
    /// Calls <paramref name="operation"/> by name with <paramref name="arguments"/>: an object whose properties (an
    /// anonymous object), a dictionary whose keys, or an array whose positions give the parameters; absent ones are
    /// sent as their default. Returns the result, null for a void operation.
    /// </summary>
    public Task<object?> CallAsync(string operation, object? arguments = null, CancellationToken cancellationToken = default)
    {
        var found = Find(operation);
        return CallAsync(found, ArgumentBinder.Bind(found, arguments), cancellationToken);
    }

    /// <summary>
    /// Calls <paramref name="operation"/> as <see cref="CallAsync(string, object?, CancellationToken)"/> does, and returns
    /// the call's context instead of throwing: its <see cref="RpcCallContext.Result"/> or <see cref="RpcCallContext.Error"/>
    /// (a fault, an HTTP error, a timeout), with the raw request and response bytes.
    /// </summary>
    public async Task<RpcCallContext> CallWithContextAsync(string operation, object? arguments = null, CancellationToken cancellationToken = default)
    {
        var found = Find(operation);
        var context = NewContext(found, ArgumentBinder.Bind(found, arguments), cancellationToken);
        try
        {
            await RunAsync(context).ConfigureAwait(false);
        }
        catch (Exception ex) when (ReferenceEquals(ex, context.Error))
        {
            // Reported in the context, as asked.
        }

        return context;
    }

    /// <summary>Calls <paramref name="operation"/> with its wire arguments, in the order of <see cref="RpcOperation.WireParameters"/>.</summary>
    public Task<object?> CallAsync(RpcOperation operation, object?[] arguments, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(arguments);
        return RunAsync(NewContext(operation, arguments, cancellationToken));
    }

    /// <summary>A call's own context, with the headers of the <see cref="RpcCallScope"/> it runs in.</summary>
    private RpcCallContext NewContext(RpcOperation operation, object?[] arguments, CancellationToken cancellationToken)
    {
        var context = new RpcCallContext(operation, arguments, _address, _protocol.Name, _protocol as IRpcHeaderProtocol, cancellationToken);
        RpcCallScope.Current?.Enter(context);
        return context;
    }

    private RpcOperation Find(string operation)
        => Description.FindOperation(operation)
            ?? throw new ArgumentException($"The description has no operation '{operation}'; it has {string.Join(", ", Description.Operations.Select(o => o.Name))}.", nameof(operation));

    private async Task<object?> RunAsync(RpcCallContext context)
    {
        var operation = context.Operation;
        var cancellationToken = context.CancellationToken;
        var events = _options.Events;
        var started = Stopwatch.GetTimestamp();
        using var activity = RpcClientDiagnostics.Source.StartActivity($"{operation.Service.Name}/{operation.Name}", ActivityKind.Client);
        activity?.SetTag("rpc.system", _protocol.Name);
        activity?.SetTag("rpc.service", operation.Service.Name);
        activity?.SetTag("rpc.method", operation.Name);
        activity?.SetTag("server.address", _address.Host);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.Timeout);
        try
        {
            await events.FireAsync(RpcClientEventNames.MethodCall, context).ConfigureAwait(false);
            context.Result = await SendAsync(context, timeout.Token).ConfigureAwait(false);
            await events.FireAsync(RpcClientEventNames.MethodReturnObject, context).ConfigureAwait(false);
            return context.Result;
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested && timeout.IsCancellationRequested)
        {
            context.Error = new TimeoutException($"The call of '{operation.Name}' at {_address} did not finish within {_options.Timeout} (RpcClientOptions.Timeout).", ex);
            await Failed(context, activity).ConfigureAwait(false);
            throw context.Error;
        }
        catch (OperationCanceledException ex) when (cancellationToken.IsCancellationRequested)
        {
            // Reported with the caller's own token, not the token linked with the timeout.
            context.Error = new OperationCanceledException($"The call of '{operation.Name}' was cancelled by the caller.", ex, cancellationToken);
            await Failed(context, activity).ConfigureAwait(false);
            throw context.Error;
        }
        catch (Exception ex)
        {
            context.Error = ex;
            await Failed(context, activity).ConfigureAwait(false);
            throw;
        }
        finally
        {
            context.Duration = Stopwatch.GetElapsedTime(started);
            RpcClientMetrics.Record(context);
            await events.FireAsync(RpcClientEventNames.MethodContextClosed, context).ConfigureAwait(false);
        }
    }

    private async Task<object?> SendAsync(RpcCallContext context, CancellationToken cancellationToken)
    {
        var operation = context.Operation;
        using var request = new HttpRequestMessage(_method, _address)
        {
            Content = await WriteContentAsync(context).ConfigureAwait(false),
        };
        _protocol.HttpBinding.WriteAction(request, operation);
        if (_idempotent.Contains(operation))
        {
            request.Options.Set(RpcClientRequests.Idempotent, true);
        }

        foreach (var (name, value) in context.RequestHeaders)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        using var response = await _httpClient().SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        context.StatusCode = (int)response.StatusCode;
        var mediaType = response.Content.Headers.ContentType?.MediaType;
        context.ResponseContentType = response.Content.Headers.ContentType?.ToString();
        if (_protocol is IRpcMtomProtocol mtom && RpcMtom.IsMtom(context.ResponseContentType))
        {
            // The envelope is held to MaxResponseBytes; the parts to the reader limits' Mtom (large ones on disk).
            await using var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            var envelopeLimit = (int)Math.Min(_options.MaxResponseBytes, int.MaxValue - 1);

            // As for a plain response, the envelope (not the parts) for listeners and the response's SOAP headers; a copy,
            // as the reader's buffer is pooled.
            return await mtom.ReadMtomResponseAsync(operation, body, context.ResponseContentType!, envelopeLimit, envelope => AcceptDocumentAsync(context, envelope.ToArray()).AsTask(), cancellationToken).ConfigureAwait(false);
        }

        if (!_reader.CanReadResponse(mediaType))
        {
            if (response.IsSuccessStatusCode && operation.IsOneWay)
            {
                return null;
            }

            var (bytes, excerpt) = await ResponseBodyReader.ExcerptAsync(response.Content, _options.ErrorExcerptBytes, cancellationToken).ConfigureAwait(false);
            context.ResponseBytes = bytes;
            throw new RpcHttpException(response.StatusCode, context.ResponseContentType, excerpt, operation.Name, _address);
        }

        var document = await ResponseBodyReader.ReadAsync(response.Content, _options.MaxResponseBytes, operation.Name, cancellationToken).ConfigureAwait(false);
        await AcceptDocumentAsync(context, document).ConfigureAwait(false);
        return _reader.ReadResponse(operation, context.ResponseBytes);
    }

    /// <summary>The response document read whole: kept on the call's context, then shown to the listeners before it is deserialized.</summary>
    private ValueTask AcceptDocumentAsync(RpcCallContext context, ReadOnlyMemory<byte> document)
    {
        context.ResponseBytes = document;
        return _options.Events.FireAsync(RpcClientEventNames.MethodAcceptDocument, context);
    }

    /// <summary>
    /// The request body: the protocol's envelope with the call's SOAP headers and the UsernameToken, as bytes, or with
    /// <see cref="RpcClientOptions.UseMtom"/> as an MTOM message (its envelope not kept in <see cref="RpcCallContext.RequestBytes"/>).
    /// </summary>
    private async Task<HttpContent> WriteContentAsync(RpcCallContext context)
    {
        Dynamic.RequiredHeaders.ThrowIfMissing(context);
        var headers = EnvelopeHeaders(context);
        HttpContent content;
        if (_options.UseMtom && _protocol is IRpcMtomProtocol mtom)
        {
            content = mtom.WriteMtomRequest(context.Operation, context.Arguments, headers);
            context.RequestBytes = ReadOnlyMemory<byte>.Empty;
            context.RequestContentType = content.Headers.ContentType!.ToString();
        }
        else
        {
            var (payload, contentType) = headers.Count == 0 ? _writer.WriteRequest(context.Operation, context.Arguments)
                : context.HeaderProtocol?.WriteRequest(context.Operation, context.Arguments, headers)
                  ?? throw new NotSupportedException($"The protocol '{_protocol.Name}' has no headers: send SOAP headers over soap11 or soap12.");
            context.RequestBytes = payload;
            context.RequestContentType = contentType;
            content = new ByteArrayContent(payload) { Headers = { ContentType = MediaTypeHeaderValue.Parse(contentType) } };
        }

        await _options.Events.FireAsync(RpcClientEventNames.MethodReturnString, context).ConfigureAwait(false);
        return content;
    }

    /// <summary>The envelope's header entries: the call's own, then a <c>wsse:Security</c> entry with a token made for this call.</summary>
    private IReadOnlyList<object> EnvelopeHeaders(RpcCallContext context)
    {
        if (context.SoapHeaders.Count == 0 && _options.Security is null)
        {
            return [];
        }

        var headers = new List<object>(context.SoapHeaders);
        if (_options.Security is { } security)
        {
            headers.Add(security.Create(_protocol.Name));
        }

        return headers;
    }

    private async Task Failed(RpcCallContext context, Activity? activity)
    {
        activity?.SetStatus(ActivityStatusCode.Error, context.Error!.Message);
        activity?.SetTag("error.type", context.Error!.GetType().FullName);
        await _options.Events.FireAsync(RpcClientEventNames.MethodExceptionObject, context).ConfigureAwait(false);
    }

    private InvalidOperationException NotAClientProtocol()
        => new($"The protocol '{_protocol.Name}' cannot run as a client (it writes no requests or reads no responses); use soap11, soap12, json or msgpack.");
}
