using System.Collections.Concurrent;
using System.ServiceModel;

namespace SoapMiddleware.ServiceModel.Tests.Contracts;

/// <summary>Implements <see cref="IInventory"/>; one-way notes land in <see cref="Notes"/>.</summary>
public sealed class Inventory : IInventory
{
    /// <summary>Ends with "/": the default action must not double it.</summary>
    public const string Namespace = "http://tests.example.com/inventory/";

    public static ConcurrentQueue<string> Notes { get; } = new();

    public async Task<Item> GetItemAsync(int id)
    {
        await Task.Yield();
        return new Item { Id = id, Name = $"item {id}", Price = id * 0.5m, Parts = [new Part { Code = $"P{id}", Count = id % 3 }] };
    }

    public string Join(string first, string? second) => first + "|" + (second ?? "null");

    public Item Check(Item item)
    {
        if (item.Name == "bad")
        {
            throw new FaultException<ItemFault>(new ItemFault { Id = item.Id, Problem = "bad name" }, new FaultReason("Item rejected"));
        }

        return new Item { Id = item.Id + 1, Name = item.Name?.ToUpperInvariant(), Note = item.Note, Price = item.Price * 2, Parts = item.Parts };
    }

    public void Fail(string kind)
        => throw (kind == "receiver"
            ? new FaultException(new FaultReason("store is down"), new FaultCode("Receiver", new FaultCode("StoreDown", Namespace)), null)
            : new FaultException(new FaultReason("bad kind"), FaultCode.CreateSenderFaultCode(new FaultCode("BadKind", Namespace)), null));

    public void Notify(string text) => Notes.Enqueue(text);

    public Task PingAsync() => Task.CompletedTask;
}
