using System.Reflection;

namespace SoapMiddleware.Description;

/// <summary>
/// Builds the description of one contract type outside a server, as a client needs it: an <see cref="RpcServiceAttribute"/>
/// class or interface read by the same <see cref="RpcDescriptionBuilder"/> the server uses, so both sides share one
/// type model and one set of names. (WCF <c>[ServiceContract]</c> interfaces: <c>ServiceContractDescriptions</c> in
/// SoapMiddleware.ServiceModel.)
/// </summary>
public static class RpcDescriptionFactory
{
    /// <summary>Describes <paramref name="serviceType"/>; an interface may pair <c>Add</c> with <c>Task&lt;int&gt; AddAsync</c>, both one operation.</summary>
    /// <param name="serviceType">An <see cref="RpcServiceAttribute"/> class or interface.</param>
    /// <param name="targetNamespace">The service's namespace: the server's <c>Rpc:Namespace</c>.</param>
    public static RpcDescription FromServiceType(Type serviceType, string targetNamespace)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        ArgumentException.ThrowIfNullOrEmpty(targetNamespace);
        var name = serviceType.GetCustomAttribute<RpcServiceAttribute>()?.Name ?? serviceType.Name;
        return RpcDescriptionBuilder.FromTypes(name, targetNamespace, [serviceType], []);
    }

    /// <summary>
    /// Describes <paramref name="serviceType"/> written in another contract model, with the reader the server uses for
    /// it, so both sides agree on every name: named and in the namespace the reader gives.
    /// </summary>
    /// <param name="serviceType">A type <paramref name="reader"/> reads.</param>
    /// <param name="reader">The contract model's reader.</param>
    public static RpcDescription FromServiceType(Type serviceType, IServiceContractReader reader)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        ArgumentNullException.ThrowIfNull(reader);
        if (!reader.CanRead(serviceType))
        {
            throw new InvalidOperationException($"'{serviceType.FullName}' is not a contract the reader '{reader.GetType().Name}' reads.");
        }

        return RpcDescriptionBuilder.FromTypes(reader.NameOf(serviceType), reader.NamespaceOf(serviceType), [serviceType], [reader]);
    }
}
