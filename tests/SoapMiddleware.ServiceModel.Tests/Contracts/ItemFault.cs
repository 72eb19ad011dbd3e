using System.Runtime.Serialization;

namespace SoapMiddleware.ServiceModel.Tests.Contracts;

/// <summary>The detail of Check's fault.</summary>
[DataContract(Namespace = Inventory.Namespace)]
public sealed class ItemFault
{
    [DataMember]
    public int Id { get; set; }

    [DataMember]
    public string Problem { get; set; } = "";
}
