using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using SoapMiddleware.Client.Dynamic;
using SoapMiddleware.Client.Hosting;
using SoapMiddleware.Client.Wsdl;

namespace SoapMiddleware.Client.Calls;

/// <summary>The dynamic client: built at run time from a WSDL, as zeep and suds build theirs.</summary>
public sealed partial class RpcClient
{
    // One pooled handler for clients given no HttpClient: connections are reused and DNS changes seen every few minutes.
    private static readonly Lazy<HttpClient> SharedHttp = new(() => new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }));

    // Each imported WSDL's mapped ports, kept as long as the import itself: the description cache hands out the same
    // immutable import on a hit, so a second client of a 1,500-operation WSDL skips the mapping (about 45 ms) too.
    private static readonly ConditionalWeakTable<WsdlDescription, ConcurrentDictionary<(string? Service, string? Port), MappedPort>> MappedPorts = new();

    /// <summary>
    /// Reads the WSDL at <paramref name="wsdl"/> (an http(s) or file URL) with its imports, and returns a client of one of
    /// its SOAP ports: <see cref="RpcClientOptions.Port"/>, else the first SOAP 1.1 or 1.2 port of
    /// <see cref="RpcClientOptions.Service"/> (or of the first service that has one), at <see cref="RpcClientOptions.Address"/>
    /// or else the port's <c>soap:address</c>, in the port's SOAP version or <see cref="RpcClientOptions.Protocol"/>. Complex values are <see cref="Description.RpcRecord"/>s, arrays lists,
    /// primitives their CLR values by XSD type; what could not be used is in <see cref="Warnings"/>.
    /// </summary>
    /// <param name="wsdl">The WSDL's URL; a relative one is a file path.</param>
    /// <param name="options">
    /// Port, address, protocol, limits, listeners; null for the defaults. <see cref="RpcClientOptions.Protocol"/> is the
    /// port's SOAP version unless set: <c>json</c> or <c>msgpack</c> call the same operations over that protocol at
    /// <see cref="RpcClientOptions.Address"/>, which is then required.
    /// </param>
    /// <param name="httpClient">Returns the HTTP client of each call (and of the WSDL's download); null for a shared one.</param>
    /// <param name="cancellationToken">Cancels the download and import.</param>
    /// <remarks>
    /// Imports are read through <see cref="RpcClientOptions.WsdlResolver"/> when set; else a file WSDL reads files only,
    /// and a WSDL from a URL reads documents of that same host and port only.
    /// </remarks>
    public static async Task<RpcClient> FromWsdlAsync(Uri wsdl, RpcClientOptions? options = null, Func<HttpClient>? httpClient = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(wsdl);
        if (!wsdl.IsAbsoluteUri)
        {
            wsdl = new Uri(Path.GetFullPath(wsdl.OriginalString));
        }

        options ??= new RpcClientOptions();
        httpClient ??= () => SharedHttp.Value;
        var resolver = options.WsdlResolver ?? (wsdl.IsFile
            ? new FileDocumentResolver()
            : new HttpDocumentResolver(httpClient(), uri => Uri.Compare(uri, wsdl, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0));
        var description = await new WsdlImporter(new WsdlImportOptions { Resolver = resolver }).ImportAsync(wsdl, cancellationToken).ConfigureAwait(false);
        return FromWsdl(description, options, httpClient);
    }

    /// <summary>A client of one SOAP port of an imported WSDL, chosen as <see cref="FromWsdlAsync(Uri, RpcClientOptions?, Func{HttpClient}?, CancellationToken)"/> chooses it.</summary>
    /// <param name="wsdl">The imported WSDL (<see cref="WsdlImporter"/>): immutable, so one import may serve many clients.</param>
    /// <param name="options">Port, address, protocol, limits, listeners; null for the defaults.</param>
    /// <param name="httpClient">Returns the HTTP client of each call; null for a shared one.</param>
    public static RpcClient FromWsdl(WsdlDescription wsdl, RpcClientOptions? options = null, Func<HttpClient>? httpClient = null)
    {
        ArgumentNullException.ThrowIfNull(wsdl);
        options ??= new RpcClientOptions();
        var mapped = MappedPorts.GetOrCreateValue(wsdl).GetOrAdd((options.Service, options.Port), key => WsdlDescriptionMapper.Map(wsdl, key.Service, key.Port));
        // The description is the protocols' common ground: the SOAP port gave its operations and types, and JSON or
        // MessagePack write and read the same values; only the SOAP version and address are the port's own.
        var protocol = options.Protocol ?? mapped.Protocol;
        if (options.Address is null && protocol is not ("soap11" or "soap12"))
        {
            throw new InvalidOperationException($"The port '{mapped.Port.Name}' of {wsdl.Location} is a SOAP endpoint; to call it over '{protocol}', set RpcClientOptions.Address to the service's {protocol} endpoint.");
        }

        var address = options.Address ?? (mapped.Port.Address is { } location ? new Uri(wsdl.Location, location) : null)
            ?? throw new InvalidOperationException($"The port '{mapped.Port.Name}' of {wsdl.Location} has no soap:address; set RpcClientOptions.Address.");
        return new RpcClient(mapped.Description, options, httpClient ?? (() => SharedHttp.Value), address, protocol, mapped.Warnings);
    }
}
