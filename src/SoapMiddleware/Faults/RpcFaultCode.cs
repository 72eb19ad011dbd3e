namespace SoapMiddleware;

/// <summary>
/// Who is to blame for a fault. SOAP 1.1 writes these as <c>Client</c>/<c>Server</c>,
/// SOAP 1.2 as <c>Sender</c>/<c>Receiver</c>.
/// </summary>
public enum RpcFaultCode
{
    /// <summary>The request was wrong: bad XML, unknown operation, invalid argument. Retrying the same request cannot help.</summary>
    Client,

    /// <summary>The service failed while handling a valid request.</summary>
    Server,

    /// <summary>A header marked <c>mustUnderstand="1"</c> was not understood.</summary>
    MustUnderstand,

    /// <summary>The envelope's namespace is not a SOAP version this endpoint speaks.</summary>
    VersionMismatch,
}
