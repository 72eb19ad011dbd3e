namespace SoapMiddleware.Description;

/// <summary>A service class as the application sees it: its name, namespace and operations.</summary>
public sealed class RpcServiceDescription
{
    /// <summary>
    /// Creates the description of a service with no operations yet: an <see cref="IServiceContractReader"/> adds them
    /// with <see cref="ServiceContractContext.AddOperation"/>.
    /// </summary>
    /// <param name="serviceType">The contract type (the class or interface the operations' methods belong to).</param>
    /// <param name="name">The service name (WSDL <c>wsdl:service</c>).</param>
    /// <param name="namespace">The target namespace.</param>
    public RpcServiceDescription(Type serviceType, string name, string @namespace)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(@namespace);
        ServiceType = serviceType;
        Name = name;
        Namespace = @namespace;
        PortTypeName = name + "PortType";
    }

    /// <summary>The <see cref="RpcServiceAttribute"/> class, or the contract type another contract model reads.</summary>
    public Type ServiceType { get; }

    /// <summary>The service name (WSDL <c>wsdl:service</c>).</summary>
    public string Name { get; }

    /// <summary>The target namespace.</summary>
    public string Namespace { get; }

    /// <summary>Service-level listeners: they fire after application-level ones, before method-level ones.</summary>
    public RpcEvents Events { get; } = new();

    /// <summary>The WSDL <c>portType</c> name; <c>{Name}PortType</c> unless a contract model names it (WCF: the contract name).</summary>
    public string PortTypeName { get; init; } = null!;

    /// <summary>The WSDL binding and port names per SOAP version; <c>{Name}Soap11Binding</c>/<c>{Name}Soap11</c> unless a contract model names them.</summary>
    public (string Binding, string Port)? Soap11Names { get; init; }

    /// <inheritdoc cref="Soap11Names"/>
    public (string Binding, string Port)? Soap12Names { get; init; }

    /// <summary>The operations, in declaration order.</summary>
    public IReadOnlyList<RpcOperation> Operations { get; internal set; } = [];
}
