namespace SoapMiddleware;

/// <summary>
/// MTOM/XOP (SOAP 1.1 and 1.2 with binary parts), bound from <c>Rpc:Mtom</c>: how much a request's attachments may
/// hold, where large ones wait on disk, and when responses are MTOM. Binary values are <c>byte[]</c> and <c>Stream</c>.
/// </summary>
public sealed class RpcMtomOptions
{
    /// <summary>
    /// The most bytes all attachments of one request may hold together (the envelope has <see cref="RpcOptions.MaxRequestBytes"/>);
    /// a larger request is answered 413 with a Client fault. Default 256 MiB.
    /// </summary>
    public long MaxBytes { get; set; } = 256L * 1024 * 1024;

    /// <summary>The most parts (the envelope included) one MTOM request may have; more is a Client fault. Default 100.</summary>
    public int MaxParts { get; set; } = 100;

    /// <summary>The most bytes of one part's MIME headers; more is a Client fault. Default 16 KiB.</summary>
    public int MaxPartHeaderBytes { get; set; } = 16 * 1024;

    /// <summary>
    /// An attachment larger than this many bytes goes to a temporary file (deleted when the request ends, whatever
    /// happened) instead of memory. Default 64 KiB.
    /// </summary>
    public int MemoryThresholdBytes { get; set; } = 64 * 1024;

    /// <summary>The folder of those temporary files. Default <c>soapmiddleware-mtom</c> in the system's temporary folder.</summary>
    public string? TempDirectory { get; set; }

    /// <summary>
    /// Whether every SOAP response is MTOM, also to a request that was not (a client configured for MTOM responses,
    /// zeep, say). Default false: a response is MTOM when its request was.
    /// </summary>
    public bool AlwaysRespond { get; set; }

    /// <summary>The folder temporary parts go to.</summary>
    internal string Directory => string.IsNullOrEmpty(TempDirectory) ? Path.Combine(Path.GetTempPath(), "soapmiddleware-mtom") : TempDirectory;
}
