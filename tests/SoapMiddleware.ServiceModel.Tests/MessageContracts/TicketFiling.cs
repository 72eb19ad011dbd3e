using System.ServiceModel;

namespace SoapMiddleware.ServiceModel.Tests.MessageContracts;

/// <summary>An unwrapped request: the Body holds the ticket's own element, beside a header.</summary>
[MessageContract(IsWrapped = false)]
public sealed class TicketFiling
{
    [MessageHeader]
    public string? Tenant { get; set; }

    [MessageBodyMember]
    public Ticket? Ticket { get; set; }
}
