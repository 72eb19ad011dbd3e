namespace SoapMiddleware.Tests.Model.Attachments;

/// <summary>Binary members with declared media types: a parameter, a result and a property.</summary>
[RpcService]
public sealed class ScanService
{
    [RpcMethod]
    [return: RpcAttachment("image/png", "image/jpeg")]
    public Stream Thumbnail([RpcAttachment("application/pdf")] byte[] document, ScanInfo info) => new MemoryStream(document);
}
