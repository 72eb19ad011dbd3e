using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using SoapMiddleware.ServiceModel.Tests.Contracts;
using SoapMiddleware.ServiceModel.Tests.Infrastructure;

namespace SoapMiddleware.ServiceModel.Tests.EndToEnd;

/// <summary>[XmlAttribute] members of an [XmlSerializerFormat] contract, round-tripped by a real WCF client (XmlSerializer).</summary>
public sealed class XmlAttributeContractTests : IAsyncLifetime
{
    private static readonly XNamespace Ns = BadgeBoard.Namespace;
    private ContractHost _host = null!;

    public async Task InitializeAsync()
        => _host = await ContractHost.StartAsync(rpc => rpc.AddService<IBadgeBoard, BadgeBoard>(), app => app.MapRpc<IBadgeBoard>("/Badges.svc"));

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [InlineData(WcfBindings.Soap11)]
    [InlineData(WcfBindings.Soap12)]
    public async Task Promote_WcfClient_EveryAttributeRoundTrips(string version)
    {
        var factory = WcfBindings.Factory<IBadgeBoard>(version, _host.Url("/Badges.svc"));
        try
        {
            await WcfBindings.OnEightThreadsAsync(factory, (board, thread) =>
            {
                var issued = new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc).AddHours(thread);
                var promoted = board.Promote(new Badge { Id = thread, Label = $"t{thread} <&>\"", Level = BadgeLevel.Bronze, IssuedAt = issued, Score = 1.25m, Holder = "h" });

                Assert.Equal(thread + 1, promoted.Id);
                Assert.Equal($"t{thread} <&>\"+", promoted.Label);
                Assert.Equal(BadgeLevel.Gold, promoted.Level);
                Assert.Equal(issued.AddDays(1), promoted.IssuedAt);
                Assert.Equal(2.5m, promoted.Score);
                Assert.Equal("h", promoted.Holder);

                var unlabelled = board.Promote(new Badge { Id = 5, Level = BadgeLevel.Gold });
                Assert.Null(unlabelled.Label);
                Assert.Equal(BadgeLevel.Bronze, unlabelled.Level);

                var issuedBadges = board.Issue(3);
                Assert.Equal([1, 2, 3], issuedBadges.Select(b => b.Id));
                Assert.Equal(["b<1>&\"", null, "b<3>&\""], issuedBadges.Select(b => b.Label));
                Assert.Equal([BadgeLevel.Gold, BadgeLevel.Bronze, BadgeLevel.Gold], issuedBadges.Select(b => b.Level));
                return Task.CompletedTask;
            });
        }
        finally
        {
            factory.Close();
        }
    }

    [Fact]
    public async Task Promote_RawRequest_AttributesUnqualifiedOnTheResultElement()
    {
        var envelope = $"<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Body><Promote xmlns=\"{Ns}\"><badge id=\"1\" level=\"gold\" IssuedAt=\"2026-01-01T00:00:00\" Score=\"1\"><Holder>x</Holder></badge></Promote></s:Body></s:Envelope>";
        var request = new HttpRequestMessage(HttpMethod.Post, "/Badges.svc") { Content = new StringContent(envelope, Encoding.UTF8, "text/xml") };
        request.Headers.Add("SOAPAction", $"\"{BadgeBoard.Namespace}/IBadgeBoard/Promote\"");

        using var response = await _host.Client.SendAsync(request);

        var result = XDocument.Parse(await response.Content.ReadAsStringAsync()).Descendants(Ns + "PromoteResult").Single();
        Assert.Equal(["id", "level", "IssuedAt", "Score"], result.Attributes().Select(a => a.Name.ToString()));
        Assert.Equal(("2", "bronze", "2"), (result.Attribute("id")!.Value, result.Attribute("level")!.Value, result.Attribute("Score")!.Value));
        Assert.Equal([Ns + "Holder"], result.Elements().Select(e => e.Name));
    }

    [Fact]
    public async Task Promote_MissingRequiredAttribute_SenderFaultNamesIt()
    {
        var envelope = $"<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Body><Promote xmlns=\"{Ns}\"><badge level=\"gold\" IssuedAt=\"2026-01-01T00:00:00\" Score=\"1\"/></Promote></s:Body></s:Envelope>";
        var request = new HttpRequestMessage(HttpMethod.Post, "/Badges.svc") { Content = new StringContent(envelope, Encoding.UTF8, "text/xml") };
        request.Headers.Add("SOAPAction", $"\"{BadgeBoard.Namespace}/IBadgeBoard/Promote\"");

        using var response = await _host.Client.SendAsync(request);

        var fault = XDocument.Parse(await response.Content.ReadAsStringAsync()).Descendants("faultstring").Single().Value;
        Assert.Equal("Element 'Promote/badge/@id': the required attribute is missing (use=\"required\").", fault);
    }
}
