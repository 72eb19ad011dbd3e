using SoapMiddleware.Description;
using SoapMiddleware.ServiceModel.Contracts;

namespace SoapMiddleware.Client.Typed;

/// <summary>Describes a contract type with the server's own readers: WCF's for a <c>[ServiceContract]</c>, else the <see cref="RpcServiceAttribute"/> reader.</summary>
internal static class ContractDescriptions
{
    public static RpcDescription Describe(Type contractType, string targetNamespace)
    {
        ArgumentNullException.ThrowIfNull(contractType);
        return ServiceContractDescriptions.IsServiceContract(contractType)
            ? ServiceContractDescriptions.FromContract(contractType)
            : RpcDescriptionFactory.FromServiceType(contractType, targetNamespace);
    }
}
