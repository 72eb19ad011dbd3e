namespace SoapMiddleware;

/// <summary>One call's MTOM: the request's parts, and whether (and with which parts) the response is MTOM.</summary>
internal sealed class MtomExchange
{
    /// <summary>The key of <see cref="MethodContext.Mtom"/> in <see cref="MethodContext.Items"/>: no user key equals it.</summary>
    public static readonly object Key = new();

    /// <summary>The MTOM request's attachments (the HTTP transport disposes them when the request ends), or null.</summary>
    public Xml.XopPackage? In { get; init; }

    /// <summary>Whether the response is written as MTOM: binary values as parts, the envelope as the root.</summary>
    public bool Respond { get; init; }

    /// <summary>The binary values the SOAP writer took out of the response, or null.</summary>
    public Xml.XopCollector? Out { get; set; }
}
