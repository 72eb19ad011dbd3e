namespace SoapMiddleware;

/// <summary>Marks a class whose <see cref="RpcMethodAttribute"/> methods are exposed as operations, or an interface a client calls them through.</summary>
/// <remarks>The class is resolved from dependency injection once per call (register it scoped; <c>AddService</c> does).</remarks>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Interface, Inherited = false)]
public sealed class RpcServiceAttribute : Attribute
{
    /// <summary>The service name used in the WSDL (<c>wsdl:service</c> and port type). Defaults to the class name.</summary>
    public string? Name { get; set; }
}
