using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using SoapMiddleware.ServiceModel.Tests.Infrastructure;
using SoapMiddleware.ServiceModel.Tests.MessageContracts;

namespace SoapMiddleware.ServiceModel.Tests.EndToEnd;

/// <summary>
/// A contract of [MessageContract] requests and responses moved unchanged: a real WCF client sends headers and body
/// members, the implementation sees them, and the response's headers and body come back.
/// </summary>
public sealed class MessageContractTests : IAsyncLifetime
{
    private static readonly XNamespace Ns = TicketDesk.Namespace;
    private static readonly XNamespace Soap11 = "http://schemas.xmlsoap.org/soap/envelope/";
    private ContractHost _host = null!;

    private Uri Svc => _host.Url("/Tickets.svc");

    public async Task InitializeAsync()
        => _host = await ContractHost.StartAsync(rpc => rpc.AddService<ITicketDesk, TicketDesk>(), app => app.MapRpc<ITicketDesk>("/Tickets.svc"));

    public async Task DisposeAsync() => await _host.DisposeAsync();

    // Request headers (MustUnderstand ones too) and body members reach the implementation; its response headers and
    // body come back, on both SOAP versions.
    [Theory]
    [InlineData(WcfBindings.Soap11)]
    [InlineData(WcfBindings.Soap12)]
    public async Task WcfClient_MessageContracts_HeadersAndBodyBothWays(string version)
        => Assert.Equal(TicketDeskCalls.Expected, await TicketDeskCalls.RunAsync(Svc, version));

    [Theory]
    [InlineData(WcfBindings.Soap11)]
    [InlineData(WcfBindings.Soap12)]
    public async Task WcfClient_MessageContractsEightThreads_EveryResultExpected(string version)
    {
        var factory = WcfBindings.Factory<ITicketDesk>(version, Svc);
        try
        {
            await WcfBindings.OnEightThreadsAsync(factory, (desk, thread) =>
            {
                for (var i = 0; i < 20; i++)
                {
                    var opened = desk.Open(new OpenTicketRequest { Tenant = $"t{thread}", Channel = $"c{i}", Priority = i, Ticket = new Ticket { Title = "x", Lines = i } });
                    Assert.Equal($"t{thread}-{i}-x", opened.TicketId);
                    Assert.Equal(i * 10, opened.Queue);
                    Assert.Equal($"x:  (no note) via c{i}", opened.Summary);
                    Assert.Equal(i, opened.Lines);
                }

                return Task.CompletedTask;
            });
        }
        finally
        {
            factory.Abort();
        }
    }

    // Both ways of writing a response: straight to bytes, and through the tree an after_serialize listener may read.
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task RawSoap_Response_HeadersMarkedMustUnderstandAndBodyInWrapper(bool treeWanted)
    {
        var trees = 0;
        await using var host = await ContractHost.StartAsync(
            rpc => rpc.AddService<ITicketDesk, TicketDesk>().ConfigureEvents(events =>
            {
                if (treeWanted)
                {
                    events.AddListener("after_serialize", context =>
                    {
                        trees += context.OutDocument is null ? 0 : 1;
                        return ValueTask.CompletedTask;
                    });
                }
            }),
            app => app.MapRpc<ITicketDesk>("/Tickets.svc"));

        var response = await PostAsync(host, """
            <s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/" xmlns:t="http://tests.example.com/tickets">
              <s:Header><t:Tenant s:mustUnderstand="1">acme</t:Tenant><t:priority>2</t:priority></s:Header>
              <s:Body><t:TicketRequest><t:Ticket><t:Title>X</t:Title><t:Lines>1</t:Lines></t:Ticket></t:TicketRequest></s:Body>
            </s:Envelope>
            """);

        var header = response.Root!.Element(Soap11 + "Header")!;
        Assert.Equal("1", (string?)header.Element(Ns + "TicketId")?.Attribute(Soap11 + "mustUnderstand"));
        Assert.Equal("acme-2-X", (string?)header.Element(Ns + "TicketId"));
        Assert.Null(header.Element(Ns + "Queue")!.Attribute(Soap11 + "mustUnderstand"));
        Assert.Equal("20", (string?)header.Element(Ns + "Queue"));
        var wrapper = Assert.Single(response.Root!.Element(Soap11 + "Body")!.Elements());
        Assert.Equal(Ns + "OpenTicketResponse", wrapper.Name);
        Assert.Equal(["Lines", "Summary"], wrapper.Elements().Select(e => e.Name.LocalName)); // WCF's order: by name when no Order
        Assert.Equal(treeWanted ? 1 : 0, trees);
    }

    [Fact]
    public async Task RawSoap_UndeclaredMustUnderstandHeader_MustUnderstandFault()
    {
        var response = await PostAsync(_host, """
            <s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/" xmlns:t="http://tests.example.com/tickets">
              <s:Header><t:Tenant s:mustUnderstand="1">acme</t:Tenant><t:Unknown s:mustUnderstand="1">x</t:Unknown></s:Header>
              <s:Body><t:TicketRequest/></s:Body>
            </s:Envelope>
            """);

        Assert.EndsWith("MustUnderstand", (string?)response.Descendants("faultcode").Single());
    }

    // JSON has no headers: a contract's body members are the call's arguments and the result's members.
    [Fact]
    public async Task Json_MessageContractOperations_BodyMembersBothWays()
    {
        await using var host = await ContractHost.StartAsync(rpc => rpc.AddService<ITicketDesk, TicketDesk>(), app => app.MapRpcJson("/json/tickets"));

        using var opened = await host.Client.PostAsJsonAsync("/json/tickets/Open", new { Ticket = new { Title = "T", Body = "B", Lines = 4 }, note = "n" });
        using var filed = await host.Client.PostAsJsonAsync("/json/tickets/File", new { Title = "F", Body = "paper", Lines = 9 });

        var open = await opened.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("T: B (n) via no channel", open.GetProperty("Summary").GetString());
        Assert.Equal(4, open.GetProperty("Lines").GetInt32());
        var file = await filed.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("paper", file.GetProperty("Id").GetString());
        Assert.Equal(9, file.GetProperty("Hops").GetInt32());
    }

    private static async Task<XDocument> PostAsync(ContractHost host, string envelope)
    {
        using var content = new StringContent(envelope, Encoding.UTF8, "text/xml");
        content.Headers.Add("SOAPAction", "\"http://tests.example.com/tickets/ITicketDesk/Open\"");
        using var response = await host.Client.PostAsync("/Tickets.svc", content);
        return XDocument.Parse(await response.Content.ReadAsStringAsync());
    }
}
