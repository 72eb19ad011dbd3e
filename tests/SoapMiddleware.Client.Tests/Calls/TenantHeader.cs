namespace SoapMiddleware.Client.Tests.Calls;

/// <summary>A typed SOAP header, sent by the client and echoed back by <see cref="HeaderEchoService"/>.</summary>
public sealed class TenantHeader
{
    public string? Id { get; set; }
}
