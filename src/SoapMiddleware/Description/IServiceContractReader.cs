namespace SoapMiddleware.Description;

/// <summary>
/// Describes service types written in another contract model than <see cref="RpcServiceAttribute"/> (a WCF
/// <c>[ServiceContract]</c> interface, in package SoapMiddleware.ServiceModel). Registered on the builder, consulted
/// before the built-in reader; the description it returns runs on the same pipeline as any other service.
/// </summary>
public interface IServiceContractReader
{
    /// <summary>Whether this reader describes <paramref name="serviceType"/>.</summary>
    /// <param name="serviceType">A service type registered with the application.</param>
    bool CanRead(Type serviceType);

    /// <summary>The service's name: the application's name when it is mapped alone.</summary>
    /// <param name="serviceType">A type this reader reads.</param>
    string NameOf(Type serviceType);

    /// <summary>The namespace the contract declares; an application of such services uses it instead of <c>Rpc:Namespace</c>.</summary>
    /// <param name="serviceType">A type this reader reads.</param>
    string NamespaceOf(Type serviceType);

    /// <summary>
    /// Describes the service: creates its <see cref="RpcServiceDescription"/> and adds each operation with
    /// <see cref="ServiceContractContext.AddOperation"/>. Throws an <see cref="InvalidOperationException"/> naming what it cannot express.
    /// </summary>
    /// <param name="serviceType">A type this reader reads.</param>
    /// <param name="context">The description's type model and operation builder, shared by all its services.</param>
    RpcServiceDescription Read(Type serviceType, ServiceContractContext context);
}
