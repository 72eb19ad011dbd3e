using System.Runtime.Serialization;

namespace SoapMiddleware.ServiceModel.Tests.MessageContracts;

/// <summary>A data contract as a header.</summary>
[DataContract(Namespace = TicketDesk.Namespace)]
public sealed class TraceInfo
{
    [DataMember(Order = 1)]
    public string? Id { get; set; }

    [DataMember(Order = 2)]
    public int Hops { get; set; }
}
