using SoapMiddleware.Description;

namespace SoapMiddleware.ServiceModel.Contracts;

/// <summary>
/// Builds the description of a WCF <c>[ServiceContract]</c> interface outside a server, as a client needs it: the same
/// reader <c>MapRpc&lt;TContract&gt;</c> uses, so the client and the server agree on every name, namespace and type.
/// </summary>
public static class ServiceContractDescriptions
{
    /// <summary>Whether <paramref name="contractType"/> is marked <c>[ServiceContract]</c>.</summary>
    public static bool IsServiceContract(Type contractType) => new ServiceContractReader().CanRead(contractType);

    /// <summary>Describes the contract; a method and its <c>...Async</c> twin are one operation, as WCF pairs them.</summary>
    /// <param name="contractType">A <c>[ServiceContract]</c> interface.</param>
    public static RpcDescription FromContract(Type contractType)
    {
        ArgumentNullException.ThrowIfNull(contractType);
        var reader = new ServiceContractReader();
        if (!reader.CanRead(contractType))
        {
            throw new InvalidOperationException($"'{contractType.FullName}' is not marked [ServiceContract].");
        }

        return RpcDescriptionFactory.FromServiceType(contractType, reader);
    }
}
