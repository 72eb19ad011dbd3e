using static SoapMiddleware.Tests.Infrastructure.SoapRequests;

namespace SoapMiddleware.Tests.Wrappers;

/// <summary>The wrapper chain, end to end through HTTP.</summary>
public sealed class CallWrapperTests
{
    private static Task<TestServer> StartAsync(Journal journal, Action<IRpcBuilder> wrappers)
        => TestServer.StartAsync(rpc =>
        {
            rpc.Services.AddSingleton(journal);
            rpc.AddService<WrappedService>();
            wrappers(rpc);
        });

    [Fact]
    public async Task Call_AllWrapperKinds_RunInDocumentedOrder()
    {
        var journal = new Journal();
        await using var server = await StartAsync(journal, rpc => rpc.AddCallWrapper<FirstWrapper>().AddCallWrapper<SecondWrapper>().UseApplicationCallWrapper<AppWrapper>());

        var (status, _, _) = await server.CallAsync("<t:Add><t:a>1</t:a><t:b>2</t:b></t:Add>");

        Assert.Equal(200, status);
        Assert.Equal(
            ["application in", "first in", "second in", "service attribute in", "method attribute in", "service hook in", "method 1+2",
             "service hook out", "method attribute out", "service attribute out", "second out", "first out", "application out"],
            journal.Entries);
    }

    [Fact]
    public async Task Call_WrapperReplacesArgument_MethodSeesNewValue()
    {
        var journal = new Journal();
        await using var server = await StartAsync(journal, rpc => rpc.AddCallWrapper<DoublingWrapper>());

        var (_, document, _) = await server.CallAsync("<t:Add><t:a>5</t:a><t:b>1</t:b></t:Add>");

        Assert.Equal("11", BodyContent(document).Value);
        Assert.Contains("method 10+1", journal.Entries);
    }

    [Fact]
    public async Task Call_WrapperShortCircuits_MethodNotCalled()
    {
        var journal = new Journal();
        await using var server = await StartAsync(journal, rpc => rpc.AddCallWrapper<ShortCircuitWrapper>());

        var (status, document, _) = await server.CallAsync("<t:Add><t:a>-1</t:a><t:b>1</t:b></t:Add>");

        Assert.Equal(200, status);
        Assert.Equal("1000", BodyContent(document).Value);
        Assert.DoesNotContain(journal.Entries, e => e.StartsWith("method", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Call_WrapperTranslatesException_ClientFault()
    {
        var journal = new Journal();
        await using var server = await StartAsync(journal, rpc => rpc.AddCallWrapper<TranslatingWrapper>());

        var (status, document, _) = await server.CallAsync("<t:Fail><t:kind>crash</t:kind></t:Fail>");

        Assert.Equal(500, status);
        Assert.Equal("soap:Client", document.Descendants("faultcode").Single().Value);
        Assert.Equal("Translated", document.Descendants("detail").Single().Attributes().Single(a => a.Name.LocalName == "FaultSubcode").Value);
        Assert.Equal("translated: boom", document.Descendants("faultstring").Single().Value);
    }

    [Fact]
    public async Task Call_WrapperReadsAndSetsHeaders_ResponseCarriesHeader()
    {
        var journal = new Journal();
        await using var server = await StartAsync(journal, rpc => rpc.AddCallWrapper<HeaderWrapper>());

        var (status, document, _) = await server.CallAsync("<t:Add><t:a>1</t:a><t:b>1</t:b></t:Add>", "<t:TraceHeader><t:Id>abc</t:Id></t:TraceHeader>");

        Assert.Equal(200, status);
        var header = document.Root!.Element(Soap11 + "Header")!.Element(T + "TraceHeader")!;
        Assert.Equal("abc-seen", header.Element(T + "Id")!.Value);
    }

    [Fact]
    public async Task Call_UnhandledException_ServerFaultWithoutStackTrace()
    {
        var journal = new Journal();
        await using var server = await StartAsync(journal, _ => { });

        var (status, document, _) = await server.CallAsync("<t:Fail><t:kind>crash</t:kind></t:Fail>");

        Assert.Equal(500, status);
        Assert.Equal("soap:Server", document.Descendants("faultcode").Single().Value);
        Assert.Equal("Internal Error", document.Descendants("faultstring").Single().Value);
        Assert.DoesNotContain("boom", document.ToString());
    }

    [Fact]
    public async Task MethodContextAccessor_InsideTheMethod_GivesTheCallsContext()
    {
        await using var server = await StartAsync(new Journal(), _ => { });

        var (status, document, _) = await server.CallAsync("<t:WhoAmI/>");

        Assert.Equal(200, status);
        Assert.Equal("WhoAmI over http", BodyContent(document).Value);
    }
}
