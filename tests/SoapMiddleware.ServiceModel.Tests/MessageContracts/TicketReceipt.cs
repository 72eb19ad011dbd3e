using System.ServiceModel;

namespace SoapMiddleware.ServiceModel.Tests.MessageContracts;

/// <summary>An unwrapped response: the Body holds the renamed body member's element, beside a header.</summary>
[MessageContract(IsWrapped = false)]
public sealed class TicketReceipt
{
    [MessageHeader]
    public string? Number { get; set; }

    [MessageBodyMember(Name = "Receipt")]
    public TraceInfo? Trace { get; set; }
}
