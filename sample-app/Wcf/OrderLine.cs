using System.Runtime.Serialization;

namespace SampleApp.Wcf;

/// <summary>One line of an <see cref="Order"/>, as a WCF data contract.</summary>
[DataContract(Namespace = Calculator.Namespace)]
public sealed class OrderLine
{
    /// <summary>"SKU-{i}".</summary>
    [DataMember(Order = 1)]
    public string Sku { get; set; } = "";

    /// <summary>The line number.</summary>
    [DataMember(Order = 2)]
    public int Quantity { get; set; }

    /// <summary>The line number times 1.25.</summary>
    [DataMember(Order = 3)]
    public decimal Price { get; set; }
}
