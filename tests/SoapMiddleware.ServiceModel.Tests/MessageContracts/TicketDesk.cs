namespace SoapMiddleware.ServiceModel.Tests.MessageContracts;

/// <summary>Echoes what arrived (headers and body) into what it answers, so a test sees every value's trip.</summary>
public sealed class TicketDesk : ITicketDesk
{
    public const string Namespace = "http://tests.example.com/tickets";

    public OpenTicketResponse Open(OpenTicketRequest request) => new()
    {
        TicketId = $"{request.Tenant}-{request.Priority}-{request.Ticket?.Title}",
        Queue = request.Priority * 10,
        Trace = request.Trace is null ? null : new TraceInfo { Id = request.Trace.Id + "/reply", Hops = request.Trace.Hops + 1 },
        Summary = $"{request.Ticket?.Title}: {request.Ticket?.Body} ({request.Note ?? "no note"}) via {request.Channel ?? "no channel"}",
        Lines = request.Ticket?.Lines ?? -1,
    };

    public Task<TicketStatus> StatusAsync(StatusQuery query)
        => Task.FromResult(new TicketStatus { Session = query.Session, State = $"open:{query.Id}", Updated = query.Id * 2 });

    public TicketReceipt File(TicketFiling filing) => new()
    {
        Number = $"{filing.Tenant}/{filing.Ticket?.Title}",
        Trace = filing.Ticket is null ? null : new TraceInfo { Id = filing.Ticket.Body, Hops = filing.Ticket.Lines },
    };

    /// <summary>What the last <see cref="Close"/> received, for the test to read back through <see cref="Peek"/>.</summary>
    private static string _closed = "none";

    public void Close(StatusQuery query) => _closed = $"{query.Session}#{query.Id}";

    public TicketStatus Peek(PeekRequest request) => new() { Session = null, State = $"closed:{_closed}", Updated = -1 };
}
