using System.ServiceModel;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using SoapMiddleware.ServiceModel.Tests.Contracts;
using SoapMiddleware.ServiceModel.Tests.Infrastructure;

namespace SoapMiddleware.ServiceModel.Tests.EndToEnd;

/// <summary>A WCF-contract service moved with one line, called by a real WCF client and by raw SOAP.</summary>
public sealed class InventoryContractTests : IAsyncLifetime
{
    private static readonly XNamespace Ns = Inventory.Namespace;
    private static readonly XNamespace Soap11 = "http://schemas.xmlsoap.org/soap/envelope/";
    private static readonly XNamespace Wsdl = "http://schemas.xmlsoap.org/wsdl/";
    private static readonly XNamespace WsdlSoap = "http://schemas.xmlsoap.org/wsdl/soap/";
    private ContractHost _host = null!;

    private Uri Svc => _host.Url("/Inventory.svc");

    public async Task InitializeAsync()
        => _host = await ContractHost.StartAsync(rpc => rpc.AddService<IInventory, Inventory>(), app => app.MapRpc<IInventory>("/Inventory.svc"));

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [InlineData(WcfBindings.Soap11)]
    [InlineData(WcfBindings.Soap12)]
    public async Task EveryOperation_EightThreadsOneFactory_EveryResultChecked(string version)
    {
        var factory = WcfBindings.Factory<IInventory>(version, Svc);
        try
        {
            await WcfBindings.OnEightThreadsAsync(factory, async (inventory, thread) =>
            {
                for (var i = 0; i < 20; i++)
                {
                    var id = thread * 100 + i;
                    var item = await inventory.GetItemAsync(id);
                    Assert.Equal(id, item.Id);
                    Assert.Equal($"item {id}", item.Name);
                    Assert.Equal(id * 0.5m, item.Price);
                    Assert.Equal($"P{id}", Assert.Single(item.Parts).Code);
                    Assert.Equal(id % 3, item.Parts[0].Count);
                    Assert.Null(item.Note);

                    Assert.Equal($"a{id}|b", inventory.Join($"a{id}", "b"));
                    Assert.Equal($"a{id}|null", inventory.Join($"a{id}", null));

                    var checkedItem = inventory.Check(new Item { Id = id, Name = "n", Note = $"note {id}", Price = 1.5m, Parts = [new Part { Code = "x", Count = 2 }] });
                    Assert.Equal(id + 1, checkedItem.Id);
                    Assert.Equal("N", checkedItem.Name);
                    Assert.Equal($"note {id}", checkedItem.Note);
                    Assert.Equal(3m, checkedItem.Price);
                    Assert.Equal(2, Assert.Single(checkedItem.Parts).Count);
                    Assert.Null(checkedItem.Ignored); // never on the wire (and DataContractSerializer runs no initializers)

                    var typed = Assert.Throws<FaultException<ItemFault>>(() => inventory.Check(new Item { Id = id, Name = "bad" }));
                    Assert.Equal(id, typed.Detail.Id);
                    Assert.Equal("bad name", typed.Detail.Problem);
                    Assert.Equal("Item rejected", typed.Reason.ToString());
                    Assert.True(typed.Code.IsSenderFault);

                    var sender = Assert.Throws<FaultException>(() => inventory.Fail("sender"));
                    Assert.True(sender.Code.IsSenderFault);
                    Assert.Equal("bad kind", sender.Reason.ToString());
                    var receiver = Assert.Throws<FaultException>(() => inventory.Fail("receiver"));
                    Assert.True(receiver.Code.IsReceiverFault);
                    Assert.Equal("store is down", receiver.Reason.ToString());
                    if (version == WcfBindings.Soap12)
                    {
                        Assert.Equal("BadKind", sender.Code.SubCode?.Name);
                    }

                    await inventory.PingAsync();
                    inventory.Notify($"{version}-{id}");
                }
            });
        }
        finally
        {
            factory.Close();
        }

        for (var attempt = 0; attempt < 100 && Inventory.Notes.Count(n => n.StartsWith(version + "-", StringComparison.Ordinal)) < 160; attempt++)
        {
            await Task.Delay(20);
        }

        Assert.Equal(160, Inventory.Notes.Count(n => n.StartsWith(version + "-", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Notify_OneWay_202WithNoBody()
    {
        using var response = await PostAsync($"{Inventory.Namespace}IInventory/Notify", "<Notify xmlns=\"" + Ns + "\"><text>raw</text></Notify>");

        Assert.Equal(202, (int)response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Check_DataMembers_OrderNamesAndEmitDefaultValue()
    {
        using var response = await PostAsync($"{Inventory.Namespace}IInventory/Check",
            $"<Check xmlns=\"{Ns}\"><item><id>4</id><Price>2</Price><Parts><Part><Code>c</Code><Count>1</Count></Part></Parts></item></Check>");

        var result = XDocument.Parse(await response.Content.ReadAsStringAsync()).Descendants(Ns + "CheckResult").Single();
        Assert.Equal(["id", "Name", "Price", "Parts"], result.Elements().Select(e => e.Name.LocalName));
        Assert.Equal("5", result.Element(Ns + "id")!.Value);
        Assert.Equal("true", result.Element(Ns + "Name")!.Attribute(XNamespace.Get("http://www.w3.org/2001/XMLSchema-instance") + "nil")!.Value);
        Assert.Equal(["Code", "Count"], result.Descendants(Ns + "Part").Single().Elements().Select(e => e.Name.LocalName));
    }

    [Fact]
    public async Task Check_RequiredMemberMissing_ClientFaultNamingIt()
    {
        using var response = await PostAsync($"{Inventory.Namespace}IInventory/Check", $"<Check xmlns=\"{Ns}\"><item><Name>x</Name></item></Check>");

        var fault = XDocument.Parse(await response.Content.ReadAsStringAsync()).Descendants(Soap11 + "Fault").Single();
        Assert.Equal("soap:Client", fault.Element("faultcode")!.Value);
        Assert.Contains("id", fault.Element("faultstring")!.Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wsdl_WcfActionsNamesAndFaults()
    {
        var wsdl = XDocument.Parse(await _host.Client.GetStringAsync("/Inventory.svc?wsdl"));

        var actions = wsdl.Descendants(Wsdl + "binding").First().Elements(Wsdl + "operation")
            .ToDictionary(o => o.Attribute("name")!.Value, o => o.Element(WsdlSoap + "operation")?.Attribute("soapAction")?.Value);
        Assert.Equal("http://tests.example.com/inventory/IInventory/GetItem", actions["GetItem"]);
        Assert.Equal("http://tests.example.com/inventory/IInventory/Ping", actions["Ping"]);
        Assert.Equal("urn:inventory:concat", actions["Concat"]);
        Assert.Equal("IInventory", wsdl.Root!.Attribute("name")!.Value);
        Assert.Equal("IInventory", wsdl.Descendants(Wsdl + "portType").Single().Attribute("name")!.Value);
        Assert.Equal(["BasicHttpBinding_IInventory", "CustomBinding_IInventory"], wsdl.Descendants(Wsdl + "binding").Select(b => b.Attribute("name")!.Value));
        Assert.Equal(["BasicHttpBinding_IInventory", "CustomBinding_IInventory"], wsdl.Descendants(Wsdl + "port").Select(b => b.Attribute("name")!.Value));
        var notify = wsdl.Descendants(Wsdl + "portType").Elements(Wsdl + "operation").Single(o => o.Attribute("name")!.Value == "Notify");
        Assert.NotNull(notify.Element(Wsdl + "input"));
        Assert.Null(notify.Element(Wsdl + "output"));
        var check = wsdl.Descendants(Wsdl + "portType").Elements(Wsdl + "operation").Single(o => o.Attribute("name")!.Value == "Check");
        Assert.NotNull(check.Element(Wsdl + "fault"));
        var schema = wsdl.Descendants(XNamespace.Get("http://www.w3.org/2001/XMLSchema") + "complexType").Select(t => t.Attribute("name")?.Value).ToList();
        Assert.Contains("InventoryItem", schema);
        Assert.Contains("ArrayOfPart", schema);
    }

    private Task<HttpResponseMessage> PostAsync(string action, string body)
    {
        var envelope = $"<s:Envelope xmlns:s=\"{Soap11}\"><s:Body>{body}</s:Body></s:Envelope>";
        var request = new HttpRequestMessage(HttpMethod.Post, Svc) { Content = new StringContent(envelope, Encoding.UTF8, "text/xml") };
        request.Headers.Add("SOAPAction", $"\"{action}\"");
        return _host.Client.SendAsync(request);
    }
}
