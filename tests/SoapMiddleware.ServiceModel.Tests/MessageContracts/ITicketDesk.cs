using System.ServiceModel;

namespace SoapMiddleware.ServiceModel.Tests.MessageContracts;

/// <summary>A WCF contract whose operations take and return message contracts: wrappers, body members and headers.</summary>
[ServiceContract(Namespace = TicketDesk.Namespace)]
public interface ITicketDesk
{
    /// <summary>Request and response are message contracts, with headers both ways (some MustUnderstand).</summary>
    [OperationContract]
    OpenTicketResponse Open(OpenTicketRequest request);

    /// <summary>Task-based, a request contract with the default wrapper name, a response contract.</summary>
    [OperationContract]
    Task<TicketStatus> StatusAsync(StatusQuery query);

    /// <summary>A request contract and no result (WCF allows void beside a message contract, not a plain result).</summary>
    [OperationContract]
    void Close(StatusQuery query);

    /// <summary>Unwrapped request and response: the Body holds one data contract's element each way.</summary>
    [OperationContract]
    TicketReceipt File(TicketFiling filing);

    /// <summary>An empty request contract and a response contract.</summary>
    [OperationContract]
    TicketStatus Peek(PeekRequest request);
}
