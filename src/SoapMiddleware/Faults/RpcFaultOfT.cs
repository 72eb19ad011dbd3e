namespace SoapMiddleware;

/// <summary>
/// A fault that carries a typed detail, serialized into the fault's <c>detail</c> element.
/// Declare it on the method with <see cref="RpcFaultAttribute"/> so it appears in the WSDL.
/// </summary>
/// <typeparam name="TDetail">The detail's type: any type the type model supports.</typeparam>
public class RpcFault<TDetail> : RpcFault
{
    /// <summary>Creates a fault with a typed detail.</summary>
    public RpcFault(RpcFaultCode code, string message, TDetail detail, string? subcode = null)
        : base(code, message, subcode)
    {
        TypedDetail = detail;
    }

    /// <summary>The typed detail.</summary>
    public TDetail TypedDetail { get; }

    /// <inheritdoc />
    public override object? Detail => TypedDetail;

    /// <inheritdoc />
    public override Type? DetailType => typeof(TDetail);
}
