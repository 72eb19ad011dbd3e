using System.Runtime.Serialization;

namespace SoapMiddleware.ServiceModel.Tests.Contracts.Catalog.Suppliers;

/// <summary>A data contract of a second CLR namespace, reached from <c>Product</c>.</summary>
[DataContract]
public sealed class Supplier
{
    [DataMember]
    public string? Name { get; set; }

    [DataMember]
    public List<int> Ratings { get; set; } = [];

    /// <summary>An enum without [DataContract]: WCF still writes its type in this CLR namespace's contract namespace.</summary>
    [DataMember]
    public Region Region { get; set; }
}
