using System.Runtime.CompilerServices;
using SoapMiddleware.Description;

namespace SoapMiddleware;

/// <summary>
/// The HTTP endpoints mapped per description, for the OpenAPI document: every endpoint that reads a protocol without a
/// service document (the WSDL describes SOAP), with the protocols it reads and writes, so the document lists what is
/// mapped and nothing else. A singleton of <c>AddRpc()</c>; the mapping extensions record, the document reads.
/// </summary>
internal sealed class RpcEndpointRegistry
{
    private readonly ConditionalWeakTable<RpcDescription, List<RpcMappedEndpoint>> _endpoints = [];

    /// <summary>Notes an HTTP mapping of <paramref name="description"/>; a pattern already noted, or SOAP only, is skipped.</summary>
    public void Record(RpcDescription description, string pattern, RpcProtocolMapping mapping)
    {
        pattern = pattern.Length > 1 ? pattern.TrimEnd('/') : pattern;
        var endpoints = _endpoints.GetOrCreateValue(description);
        lock (endpoints)
        {
            if (mapping.In.All(p => p.HttpBinding.HasServiceDocument) || endpoints.Any(e => e.Pattern == pattern))
            {
                return;
            }

            endpoints.Add(new RpcMappedEndpoint(pattern, mapping));
        }
    }

    /// <summary>The endpoints mapped for <paramref name="description"/>, in mapping order.</summary>
    public IReadOnlyList<RpcMappedEndpoint> Of(RpcDescription description)
    {
        var endpoints = _endpoints.GetOrCreateValue(description);
        lock (endpoints)
        {
            return [.. endpoints];
        }
    }
}
