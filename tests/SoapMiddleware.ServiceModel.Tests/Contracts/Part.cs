using System.Runtime.Serialization;

namespace SoapMiddleware.ServiceModel.Tests.Contracts;

/// <summary>A nested data contract, ordered alphabetically (no Order).</summary>
[DataContract(Namespace = Inventory.Namespace)]
public sealed class Part
{
    [DataMember]
    public string Code { get; set; } = "";

    [DataMember]
    public int Count { get; set; }
}
