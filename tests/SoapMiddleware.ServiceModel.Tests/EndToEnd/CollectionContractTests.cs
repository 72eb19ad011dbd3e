using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using SoapMiddleware.ServiceModel.Tests.Contracts;
using SoapMiddleware.ServiceModel.Tests.Infrastructure;

namespace SoapMiddleware.ServiceModel.Tests.EndToEnd;

/// <summary>[CollectionDataContract] collections and [DataMember] fields, round-tripped by a real WCF client (DataContractSerializer).</summary>
public sealed class CollectionContractTests : IAsyncLifetime
{
    private static readonly XNamespace Ns = Library.Namespace;
    private ContractHost _host = null!;

    public async Task InitializeAsync()
        => _host = await ContractHost.StartAsync(rpc => rpc.AddService<ILibrary, Library>(), app => app.MapRpc<ILibrary>("/Library.svc"));

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [InlineData(WcfBindings.Soap11)]
    [InlineData(WcfBindings.Soap12)]
    public async Task EveryOperation_WcfClient_CollectionsAndFieldsRoundTrip(string version)
    {
        var factory = WcfBindings.Factory<ILibrary>(version, _host.Url("/Library.svc"));
        try
        {
            await WcfBindings.OnEightThreadsAsync(factory, (library, thread) =>
            {
                var shelf = new Shelf { new($"a{thread}", 10) { Year = 2000 }, new(null, 0) { Year = thread }, new("c <&>", 30) };

                var reversed = library.Reverse(shelf);
                Assert.IsType<Shelf>(reversed);
                Assert.Equal(["c <&>", null, $"a{thread}"], reversed.Select(b => b.Title));
                Assert.Equal([30, 0, 10], reversed.Select(b => b.Pages));
                Assert.Equal([1, thread + 1, 2001], reversed.Select(b => b.Year));

                Assert.Equal(["c <&>", null, $"a{thread}"], library.TitlesOf(reversed));
                Assert.Empty(library.Reverse([]));

                var reprint = library.Reprint(new Book("r", thread + 1) { Year = 1999 });
                Assert.Equal(("r", 2 * (thread + 1), 1999), (reprint.Title, reprint.Pages, reprint.Year));
                return Task.CompletedTask;
            });
        }
        finally
        {
            factory.Close();
        }
    }

    [Fact]
    public async Task TitlesOf_RawRequest_CollectionAndItemNamesOnTheWire()
    {
        var envelope = $"<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Body><TitlesOf xmlns=\"{Ns}\"><shelf><book><Title>x</Title><pages>1</pages></book><book><Title>y</Title></book></shelf></TitlesOf></s:Body></s:Envelope>";
        var request = new HttpRequestMessage(HttpMethod.Post, "/Library.svc") { Content = new StringContent(envelope, Encoding.UTF8, "text/xml") };
        request.Headers.Add("SOAPAction", $"\"{Library.Namespace}/ILibrary/TitlesOf\"");

        using var response = await _host.Client.SendAsync(request);

        var result = XDocument.Parse(await response.Content.ReadAsStringAsync()).Descendants(Ns + "TitlesOfResult").Single();
        Assert.Equal([Ns + "title", Ns + "title"], result.Elements().Select(e => e.Name));
        Assert.Equal(["x", "y"], result.Elements().Select(e => e.Value));
        var wsdl = await _host.Client.GetStringAsync("/Library.svc?wsdl");
        Assert.Contains("name=\"Shelf\"", wsdl, StringComparison.Ordinal);
        Assert.Contains("name=\"Titles\"", wsdl, StringComparison.Ordinal);
        Assert.Contains("name=\"pages\"", wsdl, StringComparison.Ordinal);
    }
}
