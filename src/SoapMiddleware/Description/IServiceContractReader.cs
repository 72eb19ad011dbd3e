namespace SoapMiddleware.Description;

/// <summary>
/// Describes service types written in another contract model than <see cref="RpcServiceAttribute"/> (a WCF
/// <c>[ServiceContract]</c> interface, in package SoapMiddleware.ServiceModel). Registered on the builder, consulted
/// before the built-in reader; the description it returns runs on the same pipeline as any other service.
/// </summary>
internal interface IServiceContractReader
{
    /// <summary>Whether this reader describes <paramref name="serviceType"/>.</summary>
    bool CanRead(Type serviceType);

    /// <summary>The service's name: the application's name when it is mapped alone.</summary>
    string NameOf(Type serviceType);

    /// <summary>The namespace the contract declares; an application of such services uses it instead of <c>Rpc:Namespace</c>.</summary>
    string NamespaceOf(Type serviceType);

    /// <summary>Describes the service's operations with the application's type model; throws naming what it cannot express.</summary>
    RpcServiceDescription Read(Type serviceType, Model.TypeModel model);
}
