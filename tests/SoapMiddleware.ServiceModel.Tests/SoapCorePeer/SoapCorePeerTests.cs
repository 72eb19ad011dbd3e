using SoapMiddleware.ServiceModel.Tests.Infrastructure;
using SoapMiddleware.ServiceModel.Tests.SoapCorePeer.Client;
using SoapMiddleware.ServiceModel.Tests.SoapCorePeer.Wsdl;
using Xunit.Abstractions;

namespace SoapMiddleware.ServiceModel.Tests.SoapCorePeer;

/// <summary>
/// Issue 10 side by side: the same WCF contract and implementation hosted by SoapCore 1.2.1.18 and by <c>MapRpc</c>,
/// each on Kestrel on 127.0.0.1. A client written against SoapCore's WSDL must get the same answers from both, and
/// our WSDL must keep SoapCore's element names, namespaces, soapActions and types except for the deliberate
/// differences in <see cref="SoapCoreWsdlAllowList"/>.
/// </summary>
public sealed class SoapCorePeerTests(ITestOutputHelper output)
{
    [Fact]
    public Task WcfClient_SoapCoreAndMapRpc_SameResults() => SameResultsAsync(soap12: false);

    [Fact]
    public Task WcfClientSoap12_SoapCoreAndMapRpc_SameResults() => SameResultsAsync(soap12: true);

    private async Task SameResultsAsync(bool soap12)
    {
        await using var soapCore = await SoapCoreHost.StartAsync<SampleApp.Wcf.ICalculator, SampleApp.Wcf.Calculator>(withSoap12: soap12);
        await using var ours = await OurHost.StartAsync<SampleApp.Wcf.ICalculator, SampleApp.Wcf.Calculator>();

        var fromSoapCore = await CallAllAsync(soapCore, soap12);
        var fromOurs = await CallAllAsync(ours, soap12);

        for (var i = 0; i < Math.Max(fromSoapCore.Count, fromOurs.Count); i++)
        {
            var a = i < fromSoapCore.Count ? fromSoapCore[i].ToString() : "(none)";
            var b = i < fromOurs.Count ? fromOurs[i].ToString() : "(none)";
            var deviation = i < fromSoapCore.Count && SoapCoreDeviations.For(soap12).ContainsKey(fromSoapCore[i].Call) ? " (a known SoapCore deviation)" : "";
            output.WriteLine(a == b ? $"same      {Short(a)}" : $"DIFFERENT{deviation}\n  SoapCore: {Short(a)}\n  ours:     {Short(b)}");
        }

        // Equal results, except where SoapCore is wrong (each case explained in SoapCoreDeviations): there ours must be right.
        Assert.Equal(SoapCoreDeviations.Apply(CalculatorCalls.Expected(soap12), soap12), fromSoapCore);
        Assert.Equal(CalculatorCalls.Expected(soap12), fromOurs);
    }

    [Fact]
    public async Task WcfClient_MapRpcSharedFactoryEightThreads_EveryResultExpected()
    {
        await using var ours = await OurHost.StartAsync<SampleApp.Wcf.ICalculator, SampleApp.Wcf.Calculator>();
        var factory = CalculatorClientFactory.Create(ours.Endpoint);

        // One factory shared by 8 threads, each with its own channel, as a WCF client application would share it.
        var runs = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
            Enumerable.Range(0, 5).SelectMany(_ => CalculatorCalls.Run(factory.CreateChannel())).ToArray())));
        factory.Close();

        var expected = Enumerable.Range(0, 5).SelectMany(_ => CalculatorCalls.Expected()).ToArray();
        Assert.All(runs, run => Assert.Equal(expected, run));
    }

    [Fact]
    public Task Wsdl_MapRpcAgainstSoapCore_OnlyAllowListedDifferences()
        => AssertSameWsdlAsync<SampleApp.Wcf.ICalculator, SampleApp.Wcf.Calculator>();

    // The core helper's contract of every WCF feature the toolkit maps (Task naming, Name/Action/MessageParameter,
    // data member options, typed and plain faults, one-way, void Task): the same comparison on a wider contract.
    [Fact]
    public Task Wsdl_InventoryContract_MapRpcAgainstSoapCore_OnlyAllowListedDifferences()
        => AssertSameWsdlAsync<Contracts.IInventory, Contracts.Inventory>();

    // Data contracts without a Namespace in two CLR namespaces (a nested one, an enum) and collections of primitives:
    // one schema per namespace, with imports, named as DataContractSerializer names them.
    [Fact]
    public Task Wsdl_CatalogContract_MapRpcAgainstSoapCore_OnlyAllowListedDifferences()
        => AssertSameWsdlAsync<Contracts.Catalog.ICatalog, Contracts.Catalog.Catalog>();

    // The contract written for XmlSerializer, against SoapCore's XmlSerializer mode (the mode the benchmark measures).
    [Fact]
    public Task Wsdl_XmlSerializerContract_MapRpcAgainstSoapCore_OnlyAllowListedDifferences()
        => AssertSameWsdlAsync<XmlFormat.IXmlCalculator, XmlFormat.XmlCalculatorService>(xmlSerializer: true);

    // [XmlAttribute] members (value types, a string, an enum) against SoapCore's XmlSerializer mode: xs:attribute with
    // XmlSerializer's use="required" for value types.
    [Fact]
    public Task Wsdl_XmlAttributeContract_MapRpcAgainstSoapCore_OnlyAllowListedDifferences()
        => AssertSameWsdlAsync<Contracts.IBadgeBoard, Contracts.BadgeBoard>(xmlSerializer: true);

    // [CollectionDataContract] collections (renamed, and with the class's default name) and [DataMember] fields.
    [Fact]
    public Task Wsdl_CollectionDataContract_MapRpcAgainstSoapCore_OnlyAllowListedDifferences()
        => AssertSameWsdlAsync<Contracts.ILibrary, Contracts.Library>();

    // Known types ([KnownType] on an abstract base, [ServiceKnownType] on the contract and an operation): derived
    // types as extensions of their base, the base abstract, known types described though no member names them.
    [Fact]
    public Task Wsdl_KnownTypeContract_MapRpcAgainstSoapCore_OnlyAllowListedDifferences()
        => AssertSameWsdlAsync<Contracts.Shapes.IShapes, Contracts.Shapes.Shapes>();

    // [XmlInclude] types in an [XmlSerializerFormat] contract, against SoapCore's XmlSerializer mode.
    [Fact]
    public Task Wsdl_XmlIncludeContract_MapRpcAgainstSoapCore_OnlyAllowListedDifferences()
        => AssertSameWsdlAsync<Contracts.Zoo.IZoo, Contracts.Zoo.Zoo>(xmlSerializer: true);

    // Message contracts on the wire: we answer a WCF client as expected (headers and body members both ways); SoapCore
    // reads the request contracts but wraps response contracts wrongly (SoapCoreDeviations.MessageContractOutcome).
    [Theory]
    [InlineData(WcfBindings.Soap11)]
    [InlineData(WcfBindings.Soap12)]
    public async Task WcfClient_MessageContracts_SoapCoreAndMapRpc_SameResults(string version)
    {
        await using var soapCore = await SoapCoreHost.StartAsync<MessageContracts.ITicketDesk, MessageContracts.TicketDesk>(withSoap12: version == WcfBindings.Soap12);
        await using var ours = await OurHost.StartAsync<MessageContracts.ITicketDesk, MessageContracts.TicketDesk>();

        var fromSoapCore = await MessageContracts.TicketDeskCalls.RunAsync(soapCore.Endpoint, version);
        var fromOurs = await MessageContracts.TicketDeskCalls.RunAsync(ours.Endpoint, version);
        foreach (var line in fromSoapCore.Concat(fromOurs))
        {
            output.WriteLine(line);
        }

        Assert.Equal(MessageContracts.TicketDeskCalls.Expected, fromOurs);
        Assert.Equal(MessageContracts.TicketDeskCalls.Expected.Select(SoapCoreDeviations.MessageContractOutcome), fromSoapCore);
    }

    // Message contracts in the WSDL: ours describes what both hosts exchange (wrapper elements, body members,
    // soap:header parts); SoapCore's describes a message contract as a data contract parameter (SoapCoreMessageContractAllowList).
    [Fact]
    public Task Wsdl_MessageContracts_MapRpcAgainstSoapCore_OnlyAllowListedDifferences()
        => AssertSameWsdlAsync<MessageContracts.ITicketDesk, MessageContracts.TicketDesk>(extraAllowances: SoapCoreMessageContractAllowList.Entries);

    private async Task AssertSameWsdlAsync<TContract, TService>(bool xmlSerializer = false, IReadOnlyList<WsdlAllowance>? extraAllowances = null)
        where TContract : class
        where TService : class, TContract
    {
        await using var soapCore = await SoapCoreHost.StartAsync<TContract, TService>(xmlSerializer: xmlSerializer);
        await using var ours = await OurHost.StartAsync<TContract, TService>();

        var differences = WsdlComparison.Compare(
            WsdlShape.Parse(await soapCore.GetWsdlAsync()),
            WsdlShape.Parse(await ours.GetWsdlAsync()),
            [.. SoapCoreWsdlAllowList.Entries, .. extraAllowances ?? []]);

        output.WriteLine($"{differences.Count} differences, {differences.Count(d => d.Allowance is null)} not allowed:");
        foreach (var difference in differences.OrderBy(d => d.Allowance is not null))
        {
            output.WriteLine(difference.ToString());
        }

        Assert.Empty(differences.Where(d => d.Allowance is null).Select(d => d.ToString()));
    }

    private static async Task<IReadOnlyList<CalculatorCall>> CallAllAsync(PeerHost host, bool soap12)
    {
        var factory = CalculatorClientFactory.Create(host.Endpoint, soap12);
        try
        {
            return await Task.Run(() => CalculatorCalls.Run(factory.CreateChannel()));
        }
        finally
        {
            factory.Abort();
        }
    }

    private static string Short(string text) => text.Length > 200 ? text[..200] + "..." : text;
}
