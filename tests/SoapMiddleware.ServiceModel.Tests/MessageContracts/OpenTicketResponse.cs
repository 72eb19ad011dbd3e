using System.ServiceModel;

namespace SoapMiddleware.ServiceModel.Tests.MessageContracts;

/// <summary>A wrapped response (wrapper named after the type) with headers, one MustUnderstand, and two body members.</summary>
[MessageContract]
public sealed class OpenTicketResponse
{
    [MessageHeader(MustUnderstand = true)]
    public string? TicketId { get; set; }

    [MessageHeader]
    public int Queue { get; set; }

    [MessageHeader(Name = "ReplyTrace")]
    public TraceInfo? Trace { get; set; }

    [MessageBodyMember]
    public string? Summary { get; set; }

    [MessageBodyMember]
    public int Lines { get; set; }
}
