using SoapMiddleware.Tests.Wrappers;

namespace SoapMiddleware.Tests.Events;

/// <summary>Every event fires once per call, in the documented order, at every level.</summary>
public sealed class EventOrderTests
{
    private static readonly string[] AllEvents =
    [
        "http_call", "method_context_created", "before_deserialize", "after_deserialize", "method_call",
        "method_return_object", "method_exception_object", "before_serialize", "after_serialize",
        "method_return_document", "method_exception_document", "method_return_string", "method_exception_string",
        "http_return", "http_exception", "method_context_closed",
    ];

    private static Task<TestServer> StartRecordingAsync(Journal journal, Action<RpcEvents>? extra = null)
        => TestServer.StartAsync(rpc =>
        {
            rpc.Services.AddSingleton(journal);
            rpc.AddService<WrappedService>(events => events.AddListener("method_call", _ => journal.Add("service method_call")));
            rpc.ConfigureEvents(events =>
            {
                foreach (var name in AllEvents)
                {
                    events.AddListener(name, async context =>
                    {
                        await Task.Yield();
                        journal.Add(name);
                    });
                }

                extra?.Invoke(events);
            });
        });

    private static async Task<IEnumerable<string>> EventsOnly(Journal journal)
    {
        await journal.WaitForAsync("method_context_closed");
        return journal.Entries.Where(AllEvents.Contains);
    }

    [Fact]
    public async Task Success_EveryEventOnceInOrder()
    {
        var journal = new Journal();
        await using var server = await StartRecordingAsync(journal);

        await server.CallAsync("<t:Add><t:a>1</t:a><t:b>2</t:b></t:Add>");

        Assert.Equal(
            ["http_call", "method_context_created", "before_deserialize", "after_deserialize", "method_call", "method_return_object",
             "before_serialize", "after_serialize", "method_return_document", "method_return_string", "http_return", "method_context_closed"],
            await EventsOnly(journal));
    }

    [Fact]
    public async Task ClientFaultFromBadInput_ExceptionEventsOnceInOrder()
    {
        var journal = new Journal();
        await using var server = await StartRecordingAsync(journal);

        var (status, _, _) = await server.CallAsync("<t:Add><t:a>abc</t:a><t:b>2</t:b></t:Add>");

        Assert.Equal(500, status);
        Assert.Equal(
            ["http_call", "method_context_created", "before_deserialize", "method_exception_object", "before_serialize", "after_serialize",
             "method_exception_document", "method_exception_string", "http_exception", "method_context_closed"],
            await EventsOnly(journal));
    }

    [Fact]
    public async Task ServerFaultFromMethod_ExceptionEventsOnceInOrder()
    {
        var journal = new Journal();
        await using var server = await StartRecordingAsync(journal);

        var (status, _, _) = await server.CallAsync("<t:Fail><t:kind>crash</t:kind></t:Fail>");

        Assert.Equal(500, status);
        Assert.Equal(
            ["http_call", "method_context_created", "before_deserialize", "after_deserialize", "method_call", "method_exception_object",
             "before_serialize", "after_serialize", "method_exception_document", "method_exception_string", "http_exception", "method_context_closed"],
            await EventsOnly(journal));
    }

    [Fact]
    public async Task MethodCall_ApplicationThenServiceThenMethodLevel()
    {
        var journal = new Journal();
        await using var server = await StartRecordingAsync(journal);
        var operation = server.Services.GetRequiredService<RpcApplication>().FindOperation("Add")!;
        operation.Events.MethodCall += _ =>
        {
            journal.Add("method-level method_call");
            return ValueTask.CompletedTask;
        };

        await server.CallAsync("<t:Add><t:a>1</t:a><t:b>2</t:b></t:Add>");

        var entries = journal.Entries.ToList();
        var app = entries.IndexOf("method_call");
        var service = entries.IndexOf("service method_call");
        var method = entries.IndexOf("method-level method_call");
        Assert.True(app >= 0 && app < service && service < method, string.Join(", ", entries));
        Assert.True(method < entries.IndexOf("method 1+2"));
    }

    [Fact]
    public async Task ThrowingListener_LoggedAndCallContinues()
    {
        var journal = new Journal();
        await using var server = await StartRecordingAsync(journal, events =>
        {
            events.MethodCall += _ => throw new InvalidOperationException("listener bug");
            events.MethodReturnObject += _ => ValueTask.FromException(new InvalidOperationException("async listener bug"));
        });

        var (status, document, _) = await server.CallAsync("<t:Add><t:a>20</t:a><t:b>22</t:b></t:Add>");

        Assert.Equal(200, status);
        Assert.Equal("42", SoapRequests.BodyContent(document).Value);
        await journal.WaitForAsync("method_context_closed");
        Assert.Contains("method_context_closed", journal.Entries);
    }

    [Fact]
    public async Task InterfaceDocumentBuilt_FiresOnceAndCanAmendDocument()
    {
        var journal = new Journal();
        await using var server = await StartRecordingAsync(journal, events => events.AddListener("interface_document_built", context =>
        {
            journal.Add("built");
            context.OutDocument!.Root!.AddFirst(new XElement(XName.Get("documentation", "http://schemas.xmlsoap.org/wsdl/"), "amended"));
        }));

        var first = await server.Client.GetStringAsync("/soap?wsdl");
        var second = await server.Client.GetStringAsync("/soap?wsdl");

        Assert.Single(journal.Entries, "built");
        Assert.Contains("amended", first);
        Assert.Equal(first, second);
    }
}
