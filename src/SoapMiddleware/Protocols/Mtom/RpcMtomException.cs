namespace SoapMiddleware.Protocols;

/// <summary>
/// An MTOM (<c>multipart/related</c>) message that cannot be read: malformed, over a limit of <see cref="RpcMtomOptions"/>,
/// or an <c>xop:Include</c> naming a missing or already named part. The server answers it with
/// <see cref="StatusCode"/> and a Client fault saying why.
/// </summary>
public sealed class RpcMtomException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="statusCode">400, or 413 for a limit of size.</param>
    /// <param name="message">What is wrong, for the client.</param>
    public RpcMtomException(int statusCode, string message)
        : base(message)
    {
        StatusCode = statusCode;
    }

    /// <summary>The HTTP status the refusal is answered with: 400, or 413 for a limit of size.</summary>
    public int StatusCode { get; }
}
