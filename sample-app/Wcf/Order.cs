using System.Runtime.Serialization;

namespace SampleApp.Wcf;

/// <summary>An order, as a WCF data contract; <c>Order</c> keeps the reference element order (Id, Customer, CreatedAt, Lines).</summary>
[DataContract(Namespace = Calculator.Namespace)]
public sealed class Order
{
    /// <summary>The order's id.</summary>
    [DataMember(Order = 1)]
    public int Id { get; set; }

    /// <summary>"Customer {id}".</summary>
    [DataMember(Order = 2)]
    public string Customer { get; set; } = "";

    /// <summary>Always 2024-01-01T00:00:00Z.</summary>
    [DataMember(Order = 3)]
    public DateTime CreatedAt { get; set; }

    /// <summary>Line i has Sku "SKU-i", Quantity i and Price i * 1.25.</summary>
    [DataMember(Order = 4)]
    public OrderLine[] Lines { get; set; } = [];
}
