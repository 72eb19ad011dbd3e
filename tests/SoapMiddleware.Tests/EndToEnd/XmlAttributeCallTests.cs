using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using System.Xml.Linq;
using SoapMiddleware.Tests.Model;
using static SoapMiddleware.Tests.Infrastructure.JsonRequests;
using static SoapMiddleware.Tests.Infrastructure.SoapRequests;

namespace SoapMiddleware.Tests.EndToEnd;

/// <summary>An [RpcService] whose type has [XmlAttribute] members, called as plain SOAP and as JSON over Kestrel.</summary>
public sealed class XmlAttributeCallTests : IAsyncLifetime
{
    private static readonly XNamespace Xs = "http://www.w3.org/2001/XMLSchema";
    private TestServer _server = null!;

    [RpcService]
    public sealed class BadgeService
    {
        [RpcMethod]
        public Badge Promote(Badge badge) => new() { Id = badge.Id + 1, Label = badge.Label?.ToUpperInvariant(), Note = badge.Note, Tint = Color.Blue, Weight = badge.Weight * 2 };
    }

    public async Task InitializeAsync()
        => _server = await TestServer.StartAsync(rpc => rpc.AddService<BadgeService>(), map: app => app.MapRpcJson("/json"));

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Promote_Soap11_AttributesReadAndWrittenOnTheElement()
    {
        var (status, document, _) = await _server.CallAsync("<t:Promote><t:badge id=\"41\" Label=\"gold&amp;co\" tint=\"Red\"><t:Note>n</t:Note><t:Weight>3</t:Weight></t:badge></t:Promote>");

        Assert.Equal(200, status);
        var result = BodyContent(document).Element(T + "PromoteResult")!;
        Assert.Equal(("42", "GOLD&CO", "Blue"), (result.Attribute("id")?.Value, result.Attribute("Label")?.Value, result.Attribute("tint")?.Value));
        Assert.Equal(["Note", "Weight"], result.Elements().Select(e => e.Name.LocalName));
        Assert.Equal("6", result.Element(T + "Weight")!.Value);
    }

    [Fact]
    public async Task Promote_Soap11BadAttribute_ClientFaultNamesTheAttribute()
    {
        var (status, document, _) = await _server.CallAsync("<t:Promote><t:badge id=\"x\" tint=\"Red\"><t:Weight>3</t:Weight></t:badge></t:Promote>");

        Assert.Equal(500, status);
        var fault = BodyContent(document);
        Assert.Equal("Element 'Promote/badge/@id': 'x' is not a valid xs:int.", fault.Element("faultstring")!.Value);
    }

    [Fact]
    public async Task Wsdl_BadgeType_DeclaresTheAttributes()
    {
        var wsdl = XDocument.Parse(await _server.Client.GetStringAsync("/soap?wsdl"));

        var badge = wsdl.Descendants(Xs + "complexType").Single(e => (string?)e.Attribute("name") == "Badge");
        var attributes = badge.Elements(Xs + "attribute").Select(a => $"{a.Attribute("name")?.Value} {a.Attribute("type")?.Value ?? "(restricted)"} {a.Attribute("use")?.Value}");
        Assert.Equal(["id xs:int required", "Label (restricted) optional", "tint tns:Color required"], attributes);
        Assert.Equal(["Note", "Weight"], badge.Element(Xs + "sequence")!.Elements().Select(e => e.Attribute("name")?.Value));
    }

    [Fact]
    public async Task Promote_Json_AttributeMembersAreOrdinaryMembers()
    {
        var (status, body, _) = await PostJsonAsync(_server.Client, "/json/Promote", """{"badge": {"id": 1, "Label": "a", "tint": "Green", "Weight": 2}}""");

        Assert.Equal(200, status);
        var result = body.GetProperty("PromoteResult");
        Assert.Equal((2, "A", "Blue", 4), (result.GetProperty("id").GetInt32(), result.GetProperty("Label").GetString(), result.GetProperty("tint").GetString(), result.GetProperty("Weight").GetInt32()));
    }

    [Fact]
    public async Task Promote_JsonBadAttributeValue_FaultNamesTheAttribute()
    {
        var (status, body, _) = await PostJsonAsync(_server.Client, "/json/Promote", """{"badge": {"id": "x", "tint": "Green", "Weight": 2}}""");

        Assert.Equal(400, status);
        Assert.Equal("Element 'Promote/badge/@id': 'x' is not a valid xs:int.", Fault(body).GetProperty("message").GetString());
        Assert.Equal(JsonValueKind.Object, body.ValueKind);
    }
}
