using System.ServiceModel;
using SoapMiddleware.ServiceModel.Tests.Infrastructure;

namespace SoapMiddleware.ServiceModel.Tests.MessageContracts;

/// <summary>
/// Every operation of <see cref="ITicketDesk"/> through a WCF client, each outcome rendered as one line (headers and
/// body members both ways), so two hosts can be compared call by call.
/// </summary>
internal static class TicketDeskCalls
{
    /// <summary>The lines a correct host answers with, whatever the SOAP version.</summary>
    public static IReadOnlyList<string> Expected { get; } =
    [
        "Open: TicketId=acme-3-Printer Queue=30 Trace=t-1/reply:5 Summary=Printer: on fire (urgent) via web Lines=7",
        "Open(empty): TicketId=-0- Queue=0 Trace=null Summary=:  (no note) via no channel Lines=-1",
        "Status: Session=s-9 State=open:21 Updated=42",
        "Close+Peek: Session=null State=closed:s-c#5 Updated=-1",
        "File: Number=acme/Fax Receipt=jammed:2",
    ];

    /// <summary>
    /// Makes every call, each on its own channel of one factory for <paramref name="endpoint"/>; a call that fails is
    /// rendered as its exception, so one host's failure does not hide the other calls' outcomes.
    /// </summary>
    public static async Task<IReadOnlyList<string>> RunAsync(Uri endpoint, string version)
    {
        var factory = WcfBindings.Factory<ITicketDesk>(version, endpoint);
        try
        {
            return
            [
                await CallAsync(factory, "Open", desk => Task.FromResult(Render(desk.Open(new OpenTicketRequest
                {
                    Tenant = "acme",
                    Channel = "web",
                    Priority = 3,
                    Trace = new TraceInfo { Id = "t-1", Hops = 4 },
                    Ticket = new Ticket { Title = "Printer", Body = "on fire", Lines = 7 },
                    Note = "urgent",
                })))),
                await CallAsync(factory, "Open(empty)", desk => Task.FromResult(Render(desk.Open(new OpenTicketRequest())))),
                await CallAsync(factory, "Status", async desk => Render(await desk.StatusAsync(new StatusQuery { Session = "s-9", Id = 21 }))),
                await CallAsync(factory, "Close+Peek", desk =>
                {
                    desk.Close(new StatusQuery { Session = "s-c", Id = 5 });
                    return Task.FromResult(Render(desk.Peek(new PeekRequest())));
                }),
                await CallAsync(factory, "File", desk =>
                {
                    var receipt = desk.File(new TicketFiling { Tenant = "acme", Ticket = new Ticket { Title = "Fax", Body = "jammed", Lines = 2 } });
                    return Task.FromResult($"Number={receipt.Number} Receipt={receipt.Trace?.Id}:{receipt.Trace?.Hops}");
                }),
            ];
        }
        finally
        {
            factory.Abort();
        }
    }

    private static async Task<string> CallAsync(ChannelFactory<ITicketDesk> factory, string call, Func<ITicketDesk, Task<string>> run)
    {
        var desk = factory.CreateChannel();
        try
        {
            return $"{call}: {await run(desk)}";
        }
        catch (CommunicationException ex)
        {
            return $"{call}: {ex.GetType().Name}: {ex.InnerException?.Message ?? ex.Message}";
        }
        finally
        {
            ((IClientChannel)desk).Abort();
        }
    }

    private static string Render(OpenTicketResponse r)
        => $"TicketId={r.TicketId} Queue={r.Queue} Trace={(r.Trace is null ? "null" : $"{r.Trace.Id}:{r.Trace.Hops}")} Summary={r.Summary} Lines={r.Lines}";

    private static string Render(TicketStatus s) => $"Session={s.Session ?? "null"} State={s.State} Updated={s.Updated}";
}
