namespace SoapMiddleware.Description;

/// <summary>A service class as the application sees it: its name, namespace and operations.</summary>
public sealed class RpcServiceDescription
{
    internal RpcServiceDescription(Type serviceType, string name, string @namespace)
    {
        ServiceType = serviceType;
        Name = name;
        Namespace = @namespace;
    }

    /// <summary>The <see cref="RpcServiceAttribute"/> class.</summary>
    public Type ServiceType { get; }

    /// <summary>The service name (WSDL <c>wsdl:service</c>).</summary>
    public string Name { get; }

    /// <summary>The target namespace.</summary>
    public string Namespace { get; }

    /// <summary>Service-level listeners: they fire after application-level ones, before method-level ones.</summary>
    public RpcEvents Events { get; } = new();

    /// <summary>The operations, in declaration order.</summary>
    public IReadOnlyList<RpcOperation> Operations { get; internal set; } = [];
}
