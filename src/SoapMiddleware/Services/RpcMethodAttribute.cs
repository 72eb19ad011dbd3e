namespace SoapMiddleware;

/// <summary>Exposes a public method of an <see cref="RpcServiceAttribute"/> class as an operation.</summary>
[AttributeUsage(AttributeTargets.Method, Inherited = true)]
public sealed class RpcMethodAttribute : Attribute
{
    /// <summary>The operation name. Defaults to the method name (an <c>Async</c> suffix is dropped).</summary>
    public string? Name { get; set; }

    /// <summary>The SOAPAction. Defaults to <c>{namespace}/{service}/{operation}</c>.</summary>
    public string? Action { get; set; }
}
