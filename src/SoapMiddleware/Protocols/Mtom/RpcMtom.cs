using System.Xml;
using Microsoft.AspNetCore.Http;
using SoapMiddleware.Protocols.Mtom;
using SoapMiddleware.Protocols.Soap;
using SoapMiddleware.Xml;

namespace SoapMiddleware.Protocols;

/// <summary>
/// MTOM messages outside a call: recognising one by its content type, and turning one into the plain SOAP request it
/// stands for (binary parts back as base64 text), which the queue stores in place of the parts.
/// </summary>
public static class RpcMtom
{
    /// <summary>Whether <paramref name="contentType"/> is an MTOM message: <c>multipart/related</c> with <c>type="application/xop+xml"</c>.</summary>
    /// <param name="contentType">A <c>Content-Type</c> value.</param>
    public static bool IsMtom(string? contentType) => MultipartContentType.IsMtom(contentType);

    /// <summary>
    /// The content type of the envelope inside an MTOM message: its <c>start-info</c> (<c>text/xml</c> when absent),
    /// with SOAP 1.2's <c>action</c> parameter when the message's content type carries it outside.
    /// </summary>
    /// <param name="contentType">The MTOM message's <c>Content-Type</c>.</param>
    public static string EnvelopeContentType(string contentType)
    {
        ArgumentNullException.ThrowIfNull(contentType);
        var parsed = MultipartContentType.Parse(contentType)!;
        var envelope = string.IsNullOrWhiteSpace(parsed.StartInfo) ? "text/xml" : parsed.StartInfo;
        if (parsed.Get("action") is { } action && RpcMediaType.Parameter(envelope, "action") is null)
        {
            envelope += $"; action=\"{action}\"";
        }

        return envelope;
    }

    /// <summary>
    /// Reads an MTOM request and writes it again as the plain SOAP request it stands for, each <c>xop:Include</c>
    /// replaced by its part as base64 text. Its parts wait in temporary files while it runs, deleted before it returns.
    /// </summary>
    /// <param name="body">The MTOM body.</param>
    /// <param name="contentType">Its <c>Content-Type</c>.</param>
    /// <param name="options">The limits: the envelope's <see cref="RpcOptions.MaxRequestBytes"/> and <see cref="RpcOptions.Mtom"/>.</param>
    /// <param name="maxBytes">The most bytes the plain request may have; a larger one throws <see cref="RpcMtomException"/> with 413.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The plain request and its content type (<see cref="EnvelopeContentType"/>).</returns>
    /// <exception cref="RpcMtomException">The message breaks a limit, is not MTOM, or names a missing or repeated part.</exception>
    public static async Task<(byte[] Payload, string ContentType)> InlineAsync(Stream body, string contentType, RpcOptions options, int maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(contentType);
        ArgumentNullException.ThrowIfNull(options);
        var parsed = MultipartContentType.Parse(contentType)!;
        var limits = new RpcMtomOptions
        {
            MaxBytes = Math.Min(options.Mtom.MaxBytes, maxBytes),
            MaxParts = options.Mtom.MaxParts,
            MaxPartHeaderBytes = options.Mtom.MaxPartHeaderBytes,
            MemoryThresholdBytes = options.Mtom.MemoryThresholdBytes,
            TempDirectory = options.Mtom.TempDirectory,
        };
        using var package = await MultipartRelatedReader.ReadAsync(body, parsed, limits, Math.Min(options.MaxRequestBytes, maxBytes), cancellationToken).ConfigureAwait(false);
        var envelopeType = EnvelopeContentType(contentType);
        System.Xml.Linq.XDocument document;
        try
        {
            document = SecureXmlLoader.Load(package.Root, XmlLimits.From(options));
        }
        catch (RpcFault)
        {
            // Not XML: the pipeline refuses the envelope itself, with the fault a plain request gets.
            return (package.Root.ToArray(), envelopeType);
        }

        var includes = document.Descendants(XopNames.Include).ToList();
        long size = package.Root.Length;
        foreach (var include in includes)
        {
            var part = Resolve(package, (string?)include.Attribute("href"));
            size += ((part.Buffer.Length + 2) / 3 * 4) - include.ToString().Length;
            if (size > maxBytes)
            {
                throw new RpcMtomException(StatusCodes.Status413PayloadTooLarge, $"The request with its attachments as base64 text is larger than the limit of {maxBytes} bytes.");
            }

            include.Parent!.Value = Convert.ToBase64String(part.Buffer.ToArray());
        }

        var output = new MemoryStream();
        using (var writer = XmlWriter.Create(output, new XmlWriterSettings { Encoding = new System.Text.UTF8Encoding(false) }))
        {
            document.Save(writer);
        }

        return (output.ToArray(), envelopeType);
    }

    private static XopPart Resolve(XopPackage package, string? href)
    {
        try
        {
            return package.Resolve(href);
        }
        catch (RpcFault fault)
        {
            throw new RpcMtomException(StatusCodes.Status400BadRequest, fault.Message);
        }
    }
}
