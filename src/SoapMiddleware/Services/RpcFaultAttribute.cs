namespace SoapMiddleware;

/// <summary>
/// Declares that a method may answer a <see cref="RpcFault{TDetail}"/> with this detail type,
/// so the WSDL lists the fault and clients can generate a typed exception for it.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class RpcFaultAttribute(Type detailType) : Attribute
{
    /// <summary>The detail's type.</summary>
    public Type DetailType { get; } = detailType;
}
