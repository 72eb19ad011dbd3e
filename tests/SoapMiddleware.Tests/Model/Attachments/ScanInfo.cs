namespace SoapMiddleware.Tests.Model.Attachments;

/// <summary>A complex type with one described binary property and one plain one.</summary>
public sealed class ScanInfo
{
    [RpcAttachment("text/plain")]
    public byte[]? Notes { get; set; }

    public byte[]? Raw { get; set; }
}
