using System.Runtime.Serialization;

namespace SoapMiddleware.ServiceModel.Tests.Contracts;

/// <summary>A data contract with renamed, ordered, required and omitted-when-default members.</summary>
[DataContract(Name = "InventoryItem", Namespace = Inventory.Namespace)]
public sealed class Item
{
    [DataMember(Name = "id", IsRequired = true, Order = 1)]
    public int Id { get; set; }

    [DataMember(Order = 2)]
    public string? Name { get; set; }

    [DataMember(EmitDefaultValue = false, Order = 3)]
    public string? Note { get; set; }

    [DataMember(Order = 3)]
    public decimal Price { get; set; }

    [DataMember(Order = 4)]
    public List<Part> Parts { get; set; } = [];

    /// <summary>Not a data member: never on the wire.</summary>
    public string Ignored { get; set; } = "ignored";
}
