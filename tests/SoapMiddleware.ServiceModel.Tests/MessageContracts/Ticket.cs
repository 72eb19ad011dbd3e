using System.Runtime.Serialization;

namespace SoapMiddleware.ServiceModel.Tests.MessageContracts;

/// <summary>A data contract as a body member.</summary>
[DataContract(Namespace = TicketDesk.Namespace)]
public sealed class Ticket
{
    [DataMember(Order = 1)]
    public string? Title { get; set; }

    [DataMember(Order = 2)]
    public string? Body { get; set; }

    [DataMember(Order = 3)]
    public int Lines { get; set; }
}
