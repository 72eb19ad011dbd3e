namespace SoapMiddleware;

/// <summary>
/// Declares a typed SOAP header on a method or on every method of a service.
/// Read it with <see cref="MethodContext.GetInHeader{T}"/>, answer it with <see cref="MethodContext.SetOutHeader{T}"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class, AllowMultiple = true)]
public sealed class RpcHeaderAttribute(Type headerType) : Attribute
{
    /// <summary>The header's type: a class the type model supports; its element name is the type's name.</summary>
    public Type HeaderType { get; } = headerType;

    /// <summary>Whether the header travels in the request, the response, or both.</summary>
    public RpcHeaderDirection Direction { get; set; } = RpcHeaderDirection.In;

    /// <summary>Whether the request must carry the header (a Client fault otherwise).</summary>
    public bool Required { get; set; }
}
