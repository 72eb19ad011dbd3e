using System.Runtime.Serialization;

namespace SoapMiddleware.ServiceModel.Tests.Contracts.Catalog.Suppliers;

/// <summary>A fault detail without a Namespace: WCF names the detail element after it, in its own namespace.</summary>
[DataContract]
public sealed class SupplierFault
{
    [DataMember]
    public string? Supplier { get; set; }

    [DataMember]
    public string? Reason { get; set; }
}
