using System.ServiceModel;
using SoapMiddleware.ServiceModel.Tests.Contracts.Catalog.Suppliers;

namespace SoapMiddleware.ServiceModel.Tests.Contracts.Catalog;

/// <summary>Implements <see cref="ICatalog"/> with values derived from the arguments, so every field can be checked.</summary>
public sealed class Catalog : ICatalog
{
    public const string Namespace = "http://tests.example.com/catalog";

    public Product GetProduct(int id) => new()
    {
        Id = id,
        Name = $"product {id}",
        Tags = [$"t{id}", "common"],
        Scores = [id, id * 2],
        Supplier = new Supplier { Name = $"supplier {id}", Ratings = [id % 5], Region = id % 2 == 0 ? Region.North : Region.South },
        Variants = [new Product.Variant { Sku = $"V{id}" }],
    };

    public Product Check(Product product)
    {
        if (product.Name == "bad")
        {
            throw new FaultException<SupplierFault>(new SupplierFault { Supplier = product.Supplier?.Name, Reason = "bad product" }, new FaultReason("Product rejected"));
        }

        product.Id++;
        product.Tags = [.. product.Tags.Select(t => t.ToUpperInvariant())];
        product.Scores = [.. product.Scores.Select(s => s + 1)];
        return product;
    }

    public List<int> Double(List<int> values) => [.. values.Select(v => v * 2)];

    public string[] Upper(string[] values) => [.. values.Select(v => v.ToUpperInvariant())];

    public List<Product> Find(string[] tags, List<int>? ids) => [.. (ids ?? [0]).Select(GetProduct).Where(p => tags.Length == 0 || p.Tags.Intersect(tags).Any())];
}
