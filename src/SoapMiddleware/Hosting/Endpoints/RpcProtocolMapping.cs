using SoapMiddleware.Protocols;
using SoapMiddleware.Protocols.Soap;

namespace SoapMiddleware;

/// <summary>The protocols one endpoint reads and writes, resolved against its application when it is mapped.</summary>
internal sealed class RpcProtocolMapping
{
    private RpcProtocolMapping(IReadOnlyList<IRpcProtocol> inProtocols, IReadOnlyList<IRpcProtocol> outProtocols)
    {
        In = inProtocols;
        Out = outProtocols;
        var read = VersionsOf(inProtocols);
        var written = read.Intersect(VersionsOf(outProtocols)).ToList();
        WsdlVersions = written.Count > 0 ? written : read;
    }

    public IReadOnlyList<IRpcProtocol> In { get; }

    public IReadOnlyList<IRpcProtocol> Out { get; }

    /// <summary>Whether the endpoint serves the WSDL and XSD (it reads a protocol with a service document: SOAP).</summary>
    public bool ServesInterfaceDocuments => WsdlVersions.Count > 0;

    /// <summary>
    /// The SOAP versions the endpoint's WSDL has a binding and port for: those it reads and also writes (a SOAP 1.2
    /// binding promises a SOAP 1.2 response), or, when it writes no SOAP version it reads, those it reads.
    /// </summary>
    public IReadOnlyList<SoapVersion> WsdlVersions { get; }

    /// <summary>Resolves the names; an unknown name fails the mapping with the names there are.</summary>
    public static RpcProtocolMapping Resolve(RpcApplication application, RpcProtocolSelection selection)
    {
        var inProtocols = Find(application, selection.InNames, "in");
        var outProtocols = selection.OutNames.Count == 0 ? inProtocols : Find(application, selection.OutNames, "out");
        return new RpcProtocolMapping(inProtocols, outProtocols);
    }

    public static RpcProtocolMapping Of(RpcApplication application, params string[] names)
        => Resolve(application, new RpcProtocolSelection().In(names));

    /// <summary>The protocol that reads this request: the first in protocol for its method and content type.</summary>
    public IRpcProtocol? SelectIn(string method, string? contentType)
    {
        var mediaType = new ProtocolMediaTypes(contentType);
        foreach (var protocol in In)
        {
            var binding = protocol.HttpBinding;
            if (string.Equals(binding.Method, method, StringComparison.OrdinalIgnoreCase) && (!binding.RequiresContentType || mediaType.ReadBy(protocol)))
            {
                return protocol;
            }
        }

        return null;
    }

    /// <summary>The protocol that writes the response: the reader itself if it may, else the one <c>Accept</c> names, else the first.</summary>
    public IRpcProtocol SelectOut(IRpcProtocol reader, string? accept)
    {
        if (Out.Contains(reader))
        {
            return reader;
        }

        if (!string.IsNullOrEmpty(accept))
        {
            foreach (var mediaType in RpcMediaType.Accepted(accept))
            {
                foreach (var protocol in Out)
                {
                    if (protocol.MediaTypes.Count > 0 && protocol.CanRead(mediaType))
                    {
                        return protocol;
                    }
                }
            }
        }

        return Out[0];
    }

    private static List<SoapVersion> VersionsOf(IEnumerable<IRpcProtocol> protocols)
        => protocols.Select(p => p.HttpBinding.WsdlVersion).OfType<SoapVersion>().ToList();

    private static List<IRpcProtocol> Find(RpcApplication application, List<string> names, string direction)
    {
        if (names.Count == 0)
        {
            throw new InvalidOperationException($"Name at least one {direction} protocol ({Available(application)}).");
        }

        return names.Select(name => application.FindProtocol(name)
            ?? throw new InvalidOperationException($"Unknown {direction} protocol '{name}'; this application has {Available(application)}. Add your own with AddRpc().AddProtocol<T>().")).Distinct().ToList();
    }

    private static string Available(RpcApplication application) => string.Join(", ", application.Protocols.Select(p => p.Name));
}
