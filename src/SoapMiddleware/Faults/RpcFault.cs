namespace SoapMiddleware;

/// <summary>
/// An exception that becomes a SOAP fault (or a JSON error) with the given code and message.
/// Throw it from a service method to answer a fault instead of a result.
/// </summary>
/// <remarks>
/// Any other exception thrown by a service becomes a <see cref="RpcFaultCode.Server"/> fault
/// with the message "Internal Error" (details only when <see cref="RpcOptions.IncludeExceptionDetails"/> is set).
/// </remarks>
public class RpcFault : Exception
{
    /// <summary>Creates a fault.</summary>
    /// <param name="code">Who is to blame.</param>
    /// <param name="message">The fault string, sent to the caller.</param>
    /// <param name="subcode">An optional application subcode (SOAP 1.2 <c>Subcode</c>; SOAP 1.1 keeps the bare <c>Client</c> faultcode and carries it as the <c>tns:FaultSubcode</c> attribute of <c>detail</c>).</param>
    public RpcFault(RpcFaultCode code, string message, string? subcode = null)
        : base(message)
    {
        Code = code;
        Subcode = subcode;
    }

    /// <summary>Creates a fault that wraps the exception that caused it.</summary>
    public RpcFault(RpcFaultCode code, string message, Exception innerException)
        : base(message, innerException)
    {
        Code = code;
    }

    /// <summary>Who is to blame.</summary>
    public RpcFaultCode Code { get; }

    /// <summary>An optional application subcode, such as <c>DivideByZero</c>.</summary>
    public string? Subcode { get; }

    /// <summary>The typed detail, or null when the fault has none.</summary>
    public virtual object? Detail => null;

    /// <summary>The detail's declared type, or null when the fault has none.</summary>
    public virtual Type? DetailType => null;

    /// <summary>Creates a <see cref="RpcFaultCode.Client"/> fault.</summary>
    public static RpcFault Client(string message, string? subcode = null) => new(RpcFaultCode.Client, message, subcode);

    /// <summary>Creates a <see cref="RpcFaultCode.Server"/> fault.</summary>
    public static RpcFault Server(string message, string? subcode = null) => new(RpcFaultCode.Server, message, subcode);
}
