using System.ServiceModel;

namespace SoapMiddleware.ServiceModel.Tests.MessageContracts;

/// <summary>A request contract with the default wrapper (the type's name) and fields instead of properties.</summary>
[MessageContract]
public sealed class StatusQuery
{
    [MessageHeader]
    public string? Session;

    [MessageBodyMember]
    public int Id;
}
