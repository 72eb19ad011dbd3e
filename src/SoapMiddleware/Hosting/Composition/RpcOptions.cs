using System.ComponentModel.DataAnnotations;

namespace SoapMiddleware;

/// <summary>
/// Options of an RPC application: the delegate passed to <c>AddRpc</c> sets them in code, then the <c>Rpc</c>
/// configuration section overrides what it names (see <c>BindConfiguration</c> to choose another section).
/// </summary>
public sealed class RpcOptions
{
    /// <summary>The configuration section the options bind from unless the app chooses another (<c>AddRpc().BindConfiguration("...")</c>).</summary>
    public const string SectionName = "Rpc";

    /// <summary>The target namespace of operations and types (Spyne's <c>tns</c>).</summary>
    [Required]
    public string Namespace { get; set; } = "http://tempuri.org/";

    /// <summary>The largest request body accepted, in bytes; larger requests are answered 413 with a fault. Default 4 MiB.</summary>
    [Range(1, int.MaxValue)]
    public int MaxRequestBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>MTOM/XOP: attachment limits, the temporary folder of large ones, when responses are MTOM (<c>Rpc:Mtom</c>).</summary>
    public RpcMtomOptions Mtom { get; set; } = new();

    /// <summary>The deepest element nesting accepted in a request. Default 64.</summary>
    [Range(4, 10_000)]
    public int MaxDepth { get; set; } = 64;

    /// <summary>
    /// The most attributes one element of a request may carry, namespace declarations included. Default 256.
    /// A request over the limit is a Client fault, found by a scan of the raw bytes before any XML parser builds the
    /// element: parsers spend time that grows faster than the attribute count on one huge start tag.
    /// </summary>
    [Range(1, 1_000_000)]
    public int MaxAttributesPerElement { get; set; } = 256;

    /// <summary>
    /// The most namespace declarations (<c>xmlns</c>, <c>xmlns:prefix</c>) one element of a request may carry, and the
    /// most distinct namespace names a whole request may declare (declaring the same name again on another element does
    /// not count twice). Default 64. A request over either limit is a Client fault.
    /// </summary>
    [Range(1, 1_000_000)]
    public int MaxNamespaceDeclarations { get; set; } = 64;

    /// <summary>
    /// Whether an unhandled exception's type, message and stack trace go into the Server fault.
    /// Leave off outside development: by default the caller sees only "Internal Error" (the exception is logged).
    /// </summary>
    public bool IncludeExceptionDetails { get; set; }

    /// <summary>Whether request and response bodies are logged (at Debug level, capped by <see cref="MaxLoggedPayloadBytes"/>). Off by default: payloads may hold personal data.</summary>
    public bool LogPayloads { get; set; }

    /// <summary>The most bytes of a payload written to the log. Default 4096.</summary>
    [Range(0, int.MaxValue)]
    public int MaxLoggedPayloadBytes { get; set; } = 4096;

    /// <summary>
    /// The public base URL (such as <c>https://api.example.com</c>) written into <c>soap:address</c> behind a proxy.
    /// When empty, the address is taken from the request.
    /// </summary>
    public string? PublicBaseUrl { get; set; }
}
