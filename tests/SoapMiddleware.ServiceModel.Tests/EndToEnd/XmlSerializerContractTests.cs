using System.ServiceModel;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using SoapMiddleware.ServiceModel.Tests.Contracts;
using SoapMiddleware.ServiceModel.Tests.Infrastructure;

namespace SoapMiddleware.ServiceModel.Tests.EndToEnd;

/// <summary>An [XmlSerializerFormat] contract called by a real WCF client (which serializes with XmlSerializer).</summary>
public sealed class XmlSerializerContractTests : IAsyncLifetime
{
    private static readonly XNamespace Ns = Shop.Namespace;
    private ContractHost _host = null!;

    public async Task InitializeAsync()
        => _host = await ContractHost.StartAsync(rpc => rpc.AddService<IShop, Shop>(), app => app.MapRpc<IShop>("/Shop.svc"));

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [InlineData(WcfBindings.Soap11)]
    [InlineData(WcfBindings.Soap12)]
    public async Task EveryOperation_EightThreadsOneFactory_EveryResultChecked(string version)
    {
        var factory = WcfBindings.Factory<IShop>(version, _host.Url("/Shop.svc"));
        try
        {
            await WcfBindings.OnEightThreadsAsync(factory, (shop, thread) =>
            {
                for (var i = 0; i < 20; i++)
                {
                    var quantities = Enumerable.Range(1, (thread + i) % 4).Select(q => q * (thread + 1)).ToArray();
                    var basket = shop.Fill($"owner {thread}-{i}", quantities);
                    Assert.Equal($"owner {thread}-{i}", basket.Owner);
                    Assert.Equal(quantities, basket.Lines.Select(l => l.Quantity));
                    Assert.Equal(quantities.Select((_, n) => $"S{n + 1}"), basket.Lines.Select(l => l.Sku));
                    Assert.Equal("", basket.Secret);
                    Assert.Equal(quantities.Length > 2 ? quantities.Length : null, basket.Discount);

                    Assert.Equal(Color.DarkBlue, shop.Paint(Color.Red));
                    Assert.Equal(Color.Red, shop.Paint(Color.DarkBlue));
                    Assert.Equal(2 * (i + 1), shop.Pay(i + 1));
                    var fault = Assert.Throws<FaultException<ShopFault>>(() => shop.Pay(-i));
                    Assert.Equal($"cannot pay {-i}", fault.Detail.Reason);
                    Assert.True(fault.Code.IsSenderFault);
                }

                return Task.CompletedTask;
            });
        }
        finally
        {
            factory.Close();
        }
    }

    [Fact]
    public async Task Fill_XmlAttributes_ElementNamesOnTheWire()
    {
        var envelope = $"<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Body><Fill xmlns=\"{Ns}\"><owner>o</owner><quantities><int>4</int></quantities></Fill></s:Body></s:Envelope>";
        var request = new HttpRequestMessage(HttpMethod.Post, "/Shop.svc") { Content = new StringContent(envelope, Encoding.UTF8, "text/xml") };
        request.Headers.Add("SOAPAction", $"\"{Shop.Namespace}/IShop/Fill\"");

        using var response = await _host.Client.SendAsync(request);

        var result = XDocument.Parse(await response.Content.ReadAsStringAsync()).Descendants(Ns + "FillResult").Single();
        Assert.Equal(["owner", "Items"], result.Elements().Select(e => e.Name.LocalName));
        Assert.Equal("4", result.Element(Ns + "Items")!.Element(Ns + "BasketLine")!.Element(Ns + "Quantity")!.Value);
        var wsdl = await _host.Client.GetStringAsync("/Shop.svc?wsdl");
        Assert.Contains("name=\"ShopBasket\"", wsdl, StringComparison.Ordinal);
        Assert.Contains("value=\"dark-blue\"", wsdl, StringComparison.Ordinal);
    }
}
