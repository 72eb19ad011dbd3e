using Microsoft.AspNetCore.Builder;

namespace SoapMiddleware.Tests.Model.Attachments;

/// <summary><c>[RpcAttachment]</c> is written as <c>xmime:expectedContentTypes</c> on the binary member's element in the WSDL's schema.</summary>
public sealed class ExpectedContentTypesTests : IAsyncLifetime
{
    private static readonly XNamespace Xs = "http://www.w3.org/2001/XMLSchema";
    private static readonly XName Expected = XName.Get("expectedContentTypes", "http://www.w3.org/2005/05/xmlmime");
    private TestServer _server = null!;

    public async Task InitializeAsync()
        => _server = await TestServer.StartAsync(rpc => rpc.AddService<ScanService>(), map: app => app.MapRpc("/scans"));

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Wsdl_AttachmentMembers_DeclareTheirMediaTypes_OthersDoNot()
    {
        var wsdl = XDocument.Parse(await _server.Client.GetStringAsync("/scans?wsdl"));
        var elements = wsdl.Descendants(Xs + "element").Where(e => e.Attribute("name") is not null)
            .ToDictionary(e => (string)e.Attribute("name")!, e => (string?)e.Attribute(Expected));

        Assert.Equal("application/pdf", elements["document"]);
        Assert.Equal("image/png, image/jpeg", elements["ThumbnailResult"]);
        Assert.Equal("text/plain", elements["Notes"]);
        Assert.Null(elements["Raw"]);
        Assert.Null(elements["info"]);
    }

    [Fact]
    public void Model_AttachmentOnText_RefusedWithItsReason()
    {
        var model = new global::SoapMiddleware.Model.TypeModel("http://tests.example.com/scans");
        var refused = Assert.ThrowsAny<InvalidOperationException>(
            () => model.CreateMember("text", typeof(string), nullable: false, required: true, [new RpcAttachmentAttribute("text/plain")]));

        Assert.Contains("byte[] or Stream", refused.Message, StringComparison.Ordinal);
    }
}
