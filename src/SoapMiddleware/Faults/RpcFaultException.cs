namespace SoapMiddleware;

/// <summary>
/// A fault a service answered, as a client reads it (a SOAP 1.1 or 1.2 <c>Fault</c>, a JSON <c>{"fault": ...}</c>):
/// who is to blame, the subcode, the message, and the detail, typed when the operation declares its type.
/// </summary>
/// <remarks>
/// Distinct from <see cref="RpcFault"/>, which a service throws to answer a fault: a service that calls another one
/// and lets this exception escape answers an ordinary Server fault, so a remote fault's text is never relayed by accident.
/// </remarks>
public sealed class RpcFaultException : Exception
{
    /// <summary>Creates the exception for a fault read from a response.</summary>
    /// <param name="code">Who is to blame.</param>
    /// <param name="message">The fault's text (<c>faultstring</c>, <c>Reason/Text</c>).</param>
    /// <param name="subcode">The application subcode's local name, or null.</param>
    /// <param name="detail">The typed detail, or null when the operation does not declare the detail's type.</param>
    /// <param name="rawDetail">The detail as the wire carried it (XML for SOAP, JSON text for JSON), or null when there is none.</param>
    /// <param name="operation">The operation that was called.</param>
    public RpcFaultException(RpcFaultCode code, string message, string? subcode, object? detail, string? rawDetail, string operation)
        : base(message)
    {
        Code = code;
        Subcode = subcode;
        Detail = detail;
        RawDetail = rawDetail;
        Operation = operation;
    }

    /// <summary>Who is to blame: <see cref="RpcFaultCode.Client"/> (SOAP 1.2 <c>Sender</c>) means the same request cannot succeed.</summary>
    public RpcFaultCode Code { get; }

    /// <summary>The application subcode's local name (such as <c>DivideByZero</c>), or null.</summary>
    public string? Subcode { get; }

    /// <summary>The detail read with the type the operation declares for it (<c>[RpcFault]</c>, <c>[FaultContract]</c>), or null.</summary>
    public object? Detail { get; }

    /// <summary>The detail as the wire carried it: the detail's XML for SOAP, its JSON text for JSON; null when the fault has none.</summary>
    public string? RawDetail { get; }

    /// <summary>The name of the operation that answered the fault.</summary>
    public string Operation { get; }

    /// <summary>The typed detail when it is a <typeparamref name="TDetail"/>, else default.</summary>
    public TDetail? DetailAs<TDetail>() => Detail is TDetail detail ? detail : default;
}
