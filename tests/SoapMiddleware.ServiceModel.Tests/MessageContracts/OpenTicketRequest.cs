using System.ServiceModel;

namespace SoapMiddleware.ServiceModel.Tests.MessageContracts;

/// <summary>
/// A wrapped request under its own wrapper name: headers of two strings (one MustUnderstand), a value type (renamed) and a
/// data contract; body members ordered by Order then name, one renamed.
/// </summary>
[MessageContract(WrapperName = "TicketRequest")]
public sealed class OpenTicketRequest
{
    [MessageHeader(MustUnderstand = true)]
    public string? Tenant { get; set; }

    [MessageHeader(Namespace = TicketDesk.Namespace)]
    public string? Channel { get; set; }

    [MessageHeader(Name = "priority")]
    public int Priority { get; set; }

    [MessageHeader]
    public TraceInfo? Trace { get; set; }

    [MessageBodyMember(Order = 2, Name = "note")]
    public string? Note { get; set; }

    [MessageBodyMember(Order = 1)]
    public Ticket? Ticket { get; set; }
}
