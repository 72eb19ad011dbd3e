using System.ServiceModel;
using SoapMiddleware.ServiceModel.Tests.Contracts.Catalog.Suppliers;

namespace SoapMiddleware.ServiceModel.Tests.Contracts.Catalog;

/// <summary>
/// The most common shape of an existing WCF service: data contracts without a Namespace (so each lives in
/// http://schemas.datacontract.org/2004/07/{its CLR namespace}, here two), and collections of primitives
/// (ArrayOfint, ArrayOfstring in WCF's Arrays namespace), as parameters, results and members.
/// </summary>
[ServiceContract(Namespace = Catalog.Namespace)]
public interface ICatalog
{
    [OperationContract]
    Product GetProduct(int id);

    /// <summary>Round-trips a product; a product named "bad" is a typed fault whose detail lives in the Suppliers namespace.</summary>
    [OperationContract]
    [FaultContract(typeof(SupplierFault))]
    Product Check(Product product);

    [OperationContract]
    List<int> Double(List<int> values);

    [OperationContract]
    string[] Upper(string[] values);

    [OperationContract]
    List<Product> Find(string[] tags, List<int>? ids);
}
