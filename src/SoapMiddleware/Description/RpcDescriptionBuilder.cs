using SoapMiddleware.Model;

namespace SoapMiddleware.Description;

/// <summary>
/// Builds a <see cref="RpcDescription"/> from C# service types with today's readers: <see cref="RpcServiceAttribute"/>
/// classes, and the contract models registered as <see cref="IServiceContractReader"/>s (WCF <c>[ServiceContract]</c>).
/// </summary>
internal static class RpcDescriptionBuilder
{
    /// <param name="name">The description's name.</param>
    /// <param name="defaultNamespace">The namespace unless the contracts declare theirs (<c>Rpc:Namespace</c>).</param>
    /// <param name="serviceTypes">The service types, in registration order.</param>
    /// <param name="readers">Readers of other contract models, consulted before <see cref="RpcServiceAttribute"/>.</param>
    public static RpcDescription FromTypes(string name, string defaultNamespace, IEnumerable<Type> serviceTypes, IReadOnlyList<IServiceContractReader> readers)
    {
        var types = serviceTypes.Distinct().ToList();
        var model = new TypeModel(NamespaceOf(types, readers, defaultNamespace));
        var services = types.Select(t => ServiceDescriptionBuilder.Build(t, model, readers)).ToList();
        return new RpcDescription(name, model, services);
    }

    // One description, one namespace: contracts that declare theirs (WCF) set it, and must agree with each other.
    private static string NamespaceOf(List<Type> types, IReadOnlyList<IServiceContractReader> readers, string defaultNamespace)
    {
        var declared = types.Select(t => (Type: t, Reader: readers.FirstOrDefault(r => r.CanRead(t)))).Where(t => t.Reader is not null)
            .Select(t => (t.Type, Namespace: t.Reader!.NamespaceOf(t.Type))).ToList();
        if (declared.Count == 0)
        {
            return defaultNamespace;
        }

        var first = declared[0];
        var other = declared.FirstOrDefault(d => d.Namespace != first.Namespace);
        if (other.Type is not null || (declared.Count < types.Count && first.Namespace != defaultNamespace))
        {
            var with = other.Type is null ? $"Rpc:Namespace '{defaultNamespace}' of the other services" : $"'{other.Namespace}' of '{other.Type.FullName}'";
            throw new InvalidOperationException(
                $"The contract '{first.Type.FullName}' declares the namespace '{first.Namespace}', which differs from {with} in the same application. An application has one namespace: map the contract alone with MapRpc<{first.Type.Name}>(path), or align the namespaces.");
        }

        return first.Namespace;
    }
}
