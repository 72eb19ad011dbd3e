using System.Runtime.Serialization;
using SoapMiddleware.ServiceModel.Tests.Contracts.Catalog.Suppliers;

namespace SoapMiddleware.ServiceModel.Tests.Contracts.Catalog;

/// <summary>No Namespace: WCF writes it, and its members, in http://schemas.datacontract.org/2004/07/{this CLR namespace}.</summary>
[DataContract]
public sealed class Product
{
    [DataMember(Order = 1)]
    public int Id { get; set; }

    [DataMember(Order = 2)]
    public string? Name { get; set; }

    /// <summary>ArrayOfstring, its items in WCF's Arrays namespace.</summary>
    [DataMember(Order = 3)]
    public string[] Tags { get; set; } = [];

    /// <summary>ArrayOfint.</summary>
    [DataMember(Order = 4)]
    public List<int> Scores { get; set; } = [];

    /// <summary>A type of the other CLR namespace: the element is named here, its children there.</summary>
    [DataMember(Order = 5)]
    public Supplier? Supplier { get; set; }

    /// <summary>A nested data contract: WCF names it "Product.Variant".</summary>
    [DataMember(Order = 6)]
    public List<Variant> Variants { get; set; } = [];

    [DataContract]
    public sealed class Variant
    {
        [DataMember]
        public string? Sku { get; set; }
    }
}
