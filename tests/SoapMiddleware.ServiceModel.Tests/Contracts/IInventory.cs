using System.ServiceModel;

namespace SoapMiddleware.ServiceModel.Tests.Contracts;

/// <summary>A WCF contract exercising names, actions, Task operations, data contracts, faults and one-way calls.</summary>
[ServiceContract(Namespace = Inventory.Namespace)]
public interface IInventory
{
    /// <summary>Task-based: the operation is "GetItem", as WCF names it.</summary>
    [OperationContract]
    Task<Item> GetItemAsync(int id);

    /// <summary>Renamed, with its own action and a renamed result part.</summary>
    [OperationContract(Name = "Concat", Action = "urn:inventory:concat", ReplyAction = "urn:inventory:concat-reply")]
    [return: MessageParameter(Name = "joined")]
    string Join(string first, [MessageParameter(Name = "other")] string? second);

    /// <summary>Round-trips a data contract; a name "bad" is a typed fault.</summary>
    [OperationContract]
    [FaultContract(typeof(ItemFault))]
    Item Check(Item item);

    /// <summary>Throws a plain FaultException: "sender" or "receiver" code, with a subcode.</summary>
    [OperationContract]
    void Fail(string kind);

    /// <summary>One-way: the client gets no reply.</summary>
    [OperationContract(IsOneWay = true)]
    void Notify(string text);

    /// <summary>A void Task operation: "Ping".</summary>
    [OperationContract]
    Task PingAsync();
}
