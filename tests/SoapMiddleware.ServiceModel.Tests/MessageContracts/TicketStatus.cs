using System.ServiceModel;

namespace SoapMiddleware.ServiceModel.Tests.MessageContracts;

/// <summary>A response contract with a renamed wrapper, an echoed header and body members.</summary>
[MessageContract(WrapperName = "Status", WrapperNamespace = TicketDesk.Namespace)]
public sealed class TicketStatus
{
    [MessageHeader]
    public string? Session { get; set; }

    [MessageBodyMember(Namespace = TicketDesk.Namespace)]
    public string? State { get; set; }

    [MessageBodyMember]
    public int Updated { get; set; }
}
