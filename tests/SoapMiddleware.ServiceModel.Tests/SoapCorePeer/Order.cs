using System.Runtime.Serialization;

namespace SoapMiddleware.ServiceModel.Tests.SoapCorePeer;

/// <summary>The order <see cref="ICalculator.GetOrder"/> returns, a data contract in the contract's namespace.</summary>
[DataContract(Namespace = CalculatorNamespace.Value)]
public sealed class Order
{
    /// <summary>The order id (the request's id).</summary>
    [DataMember(Order = 1)]
    public int Id { get; set; }

    /// <summary>"Customer {id}".</summary>
    [DataMember(Order = 2)]
    public string Customer { get; set; } = "";

    /// <summary>Always 2024-01-01T00:00:00Z, so answers compare exactly.</summary>
    [DataMember(Order = 3)]
    public DateTime CreatedAt { get; set; }

    /// <summary>The lines: Sku "SKU-i", Quantity i, Price i * 1.25.</summary>
    [DataMember(Order = 4)]
    public OrderLine[] Lines { get; set; } = [];
}
