namespace SoapMiddleware.Client.Tests.Mtom;

/// <summary>The sample's <c>DocumentService</c> (<c>/soap/documents</c>) as a client sees it: documents as streams.</summary>
[RpcService(Name = "DocumentService")]
public interface IDocumentClient
{
    [RpcMethod]
    Task<string> Digest(Stream document);

    [RpcMethod]
    Task<Stream> EchoDocument(Stream document);
}
