using SoapMiddleware.Client.Calls;
using SoapMiddleware.Client.Hosting;
using SoapMiddleware.Client.Wsdl;

namespace SoapMiddleware.Tool.Inspect;

/// <summary>
/// The import's warnings, then what the dynamic client cannot map in each SOAP port (what <c>soapmw call</c> would
/// meet: an undeclared type, a wildcard, an operation left out), each with its document, line and column, said once.
/// </summary>
internal static class PortMapping
{
    // Mapping needs an address to build a client; nothing is sent to it.
    private static readonly Uri Unused = new("http://127.0.0.1/");

    public static IReadOnlyList<WsdlWarning> Warnings(WsdlDescription description)
    {
        var all = new List<WsdlWarning>(description.Warnings);
        var seen = new HashSet<WsdlWarning>(description.Warnings);
        foreach (var service in description.Services)
        {
            foreach (var port in service.Ports.Where(p => p.Protocol is WsdlBindingProtocol.Soap11 or WsdlBindingProtocol.Soap12))
            {
                IEnumerable<WsdlWarning> mapping;
                try
                {
                    var client = RpcClient.FromWsdl(description, new RpcClientOptions { Service = service.Name, Port = port.Name, Address = Unused });
                    mapping = client.Warnings.Skip(description.Warnings.Count); // the import's come first
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    // Any failure of the mapping (a name the schema allows and XML does not, say) is the port's, and
                    // inspect still prints what it read: the mapping is reported, never fatal here.
                    mapping = [new WsdlWarning($"port '{port.Name}' cannot be called: {e.Message}", description.Location, 0, 0)];
                }

                all.AddRange(mapping.Where(seen.Add));
            }
        }

        return all;
    }
}
