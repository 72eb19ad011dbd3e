using System.Net.Http.Json;
using System.ServiceModel;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using System.Xml.Schema;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using SoapMiddleware.ServiceModel.Tests.Contracts.Catalog;
using SoapMiddleware.ServiceModel.Tests.Contracts.Catalog.Suppliers;
using SoapMiddleware.ServiceModel.Tests.Infrastructure;

namespace SoapMiddleware.ServiceModel.Tests.EndToEnd;

/// <summary>
/// Data contracts without a Namespace (two CLR namespaces, a nested type, an enum) and collections of primitives,
/// served as WCF's DataContractSerializer writes them: called by a real WCF client over SOAP 1.1 and 1.2, checked
/// on the wire, in the WSDL's schemas (one per namespace, compiled together) and over JSON.
/// </summary>
public sealed class CatalogContractTests : IAsyncLifetime
{
    private const string ProductNs = "http://schemas.datacontract.org/2004/07/SoapMiddleware.ServiceModel.Tests.Contracts.Catalog";
    private const string SupplierNs = "http://schemas.datacontract.org/2004/07/SoapMiddleware.ServiceModel.Tests.Contracts.Catalog.Suppliers";
    private const string ArraysNs = "http://schemas.microsoft.com/2003/10/Serialization/Arrays";
    private static readonly XNamespace Ns = Catalog.Namespace;
    private static readonly XNamespace Soap11 = "http://schemas.xmlsoap.org/soap/envelope/";
    private static readonly XNamespace Wsdl = "http://schemas.xmlsoap.org/wsdl/";
    private static readonly XNamespace Xs = "http://www.w3.org/2001/XMLSchema";
    private ContractHost _host = null!;

    private Uri Svc => _host.Url("/Catalog.svc");

    public async Task InitializeAsync()
        => _host = await ContractHost.StartAsync(rpc => rpc.AddService<ICatalog, Catalog>(), app =>
        {
            app.MapRpc<ICatalog>("/Catalog.svc");
            app.MapRpcJson("/json/catalog");
        });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [InlineData(WcfBindings.Soap11)]
    [InlineData(WcfBindings.Soap12)]
    public async Task WcfClient_EveryOperation_EveryValueRoundTrips(string version)
    {
        var factory = WcfBindings.Factory<ICatalog>(version, Svc);
        try
        {
            await WcfBindings.OnEightThreadsAsync(factory, (catalog, thread) =>
            {
                for (var i = 0; i < 10; i++)
                {
                    var id = thread * 100 + i;
                    var product = catalog.GetProduct(id);
                    Assert.Equal((id, $"product {id}"), (product.Id, product.Name));
                    Assert.Equal([$"t{id}", "common"], product.Tags);
                    Assert.Equal([id, id * 2], product.Scores);
                    Assert.Equal($"supplier {id}", product.Supplier!.Name);
                    Assert.Equal([id % 5], product.Supplier.Ratings);
                    Assert.Equal(id % 2 == 0 ? Region.North : Region.South, product.Supplier.Region);
                    Assert.Equal($"V{id}", Assert.Single(product.Variants).Sku);

                    var checkedProduct = catalog.Check(product);
                    Assert.Equal(id + 1, checkedProduct.Id);
                    Assert.Equal([$"T{id}", "COMMON"], checkedProduct.Tags);
                    Assert.Equal([id + 1, id * 2 + 1], checkedProduct.Scores);
                    Assert.Equal(product.Supplier.Region, checkedProduct.Supplier!.Region);
                    Assert.Equal($"V{id}", Assert.Single(checkedProduct.Variants).Sku);

                    var fault = Assert.Throws<FaultException<SupplierFault>>(() => catalog.Check(new Product { Name = "bad", Supplier = new Supplier { Name = $"s{id}" } }));
                    Assert.Equal(($"s{id}", "bad product"), (fault.Detail.Supplier, fault.Detail.Reason));
                    Assert.Equal("Product rejected", fault.Reason.ToString());

                    Assert.Equal([2 * id, -2, 0], catalog.Double([id, -1, 0]));
                    Assert.Empty(catalog.Double([]));
                    Assert.Equal([$"A{id}", "", "É"], catalog.Upper([$"a{id}", "", "é"]));

                    var found = catalog.Find(["common"], [id, id + 1]);
                    Assert.Equal([id, id + 1], found.Select(p => p.Id));
                    Assert.Equal([0], catalog.Find([], null).Select(p => p.Id));
                }

                return Task.CompletedTask;
            });
        }
        finally
        {
            factory.Close();
        }
    }

    [Fact]
    public async Task GetProduct_Wire_MembersInOwnerNamespacePrimitivesInArrays()
    {
        using var response = await PostAsync("GetProduct", $"<GetProduct xmlns=\"{Ns}\"><id>4</id></GetProduct>");

        var text = await response.Content.ReadAsStringAsync();
        var result = XDocument.Parse(text).Descendants(Ns + "GetProductResult").Single();
        XNamespace product = ProductNs, supplier = SupplierNs, arrays = ArraysNs;

        // The types' namespaces are declared once, on the envelope, not on each of their elements.
        Assert.Equal([ProductNs, SupplierNs, ArraysNs], XDocument.Parse(text).Root!.Attributes().Where(a => a.IsNamespaceDeclaration && a.Name.LocalName.StartsWith('q')).Select(a => a.Value));
        Assert.DoesNotContain(" xmlns=\"", text, StringComparison.Ordinal);
        Assert.Equal([product + "Id", product + "Name", product + "Tags", product + "Scores", product + "Supplier", product + "Variants"], result.Elements().Select(e => e.Name));
        Assert.Equal([arrays + "string", arrays + "string"], result.Element(product + "Tags")!.Elements().Select(e => e.Name));
        Assert.Equal([arrays + "int", arrays + "int"], result.Element(product + "Scores")!.Elements().Select(e => e.Name));
        Assert.Equal([supplier + "Name", supplier + "Ratings", supplier + "Region"], result.Element(product + "Supplier")!.Elements().Select(e => e.Name));
        Assert.Equal(arrays + "int", result.Element(product + "Supplier")!.Element(supplier + "Ratings")!.Elements().Single().Name);
        Assert.Equal(product + "Product.Variant", result.Element(product + "Variants")!.Elements().Single().Name);
    }

    [Fact]
    public async Task Wsdl_OneSchemaPerNamespace_ImportsCompileTogether()
    {
        var wsdl = XDocument.Parse(await _host.Client.GetStringAsync("/Catalog.svc?wsdl"));

        var schemas = wsdl.Root!.Element(Wsdl + "types")!.Elements(Xs + "schema").ToList();
        Assert.Equal([Catalog.Namespace, ProductNs, SupplierNs, ArraysNs], schemas.Select(s => (string)s.Attribute("targetNamespace")!));
        Assert.Equal([ProductNs, ArraysNs], Imports(schemas[0]).Order(StringComparer.Ordinal));
        Assert.Equal([SupplierNs, ArraysNs], Imports(schemas[1]).Order(StringComparer.Ordinal));
        Assert.Equal(["ArrayOfint", "ArrayOfstring"], schemas[3].Elements(Xs + "complexType").Select(t => (string)t.Attribute("name")!));
        var set = new XmlSchemaSet();
        foreach (var schema in schemas)
        {
            // Standalone, as a client's generator reads each: the WSDL's namespace declarations come along.
            set.Add(XmlSchema.Read(new XDocument(schema).CreateReader(), (_, e) => throw new XmlSchemaException(e.Message))!);
        }

        set.Compile();
        Assert.True(set.GlobalTypes.Contains(new System.Xml.XmlQualifiedName("Product.Variant", ProductNs)));
        var fault = wsdl.Root.Elements(Wsdl + "message").Single(m => (string?)m.Attribute("name") == "SupplierFaultFault").Element(Wsdl + "part")!;
        Assert.Equal(XName.Get("SupplierFault", SupplierNs), Resolve(fault, (string)fault.Attribute("element")!));

        // A response validates against the compiled schemas.
        using var response = await PostAsync("GetProduct", $"<GetProduct xmlns=\"{Ns}\"><id>5</id></GetProduct>");
        var body = XDocument.Parse(await response.Content.ReadAsStringAsync()).Descendants(Ns + "GetProductResponse").Single();
        var errors = new List<string>();
        new XDocument(XElement.Parse(body.ToString())).Validate(set, (_, e) => errors.Add(e.Message));
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Json_NamespaceFree_SameValues()
    {
        using var doubled = await _host.Client.PostAsJsonAsync("/json/catalog/Double", new { values = new[] { 1, 2 } });
        using var checkedProduct = await _host.Client.PostAsJsonAsync("/json/catalog/Check",
            new { product = new { Id = 1, Name = "n", Tags = new[] { "a" }, Scores = new[] { 3 }, Supplier = new { Name = "s", Ratings = new[] { 4 }, Region = "South" }, Variants = Array.Empty<object>() } });

        Assert.Equal([2, 4], (await doubled.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("DoubleResult").EnumerateArray().Select(e => e.GetInt32()));
        var result = (await checkedProduct.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("CheckResult");
        Assert.Equal(2, result.GetProperty("Id").GetInt32());
        Assert.Equal("A", result.GetProperty("Tags")[0].GetString());
        Assert.Equal(4, result.GetProperty("Scores")[0].GetInt32());
        Assert.Equal("South", result.GetProperty("Supplier").GetProperty("Region").GetString());
        Assert.Equal(4, result.GetProperty("Supplier").GetProperty("Ratings")[0].GetInt32());
    }

    private static IEnumerable<string> Imports(XElement schema) => schema.Elements(Xs + "import").Select(i => (string)i.Attribute("namespace")!);

    private static XName Resolve(XElement context, string qualified)
    {
        var colon = qualified.IndexOf(':', StringComparison.Ordinal);
        return context.GetNamespaceOfPrefix(qualified[..colon])! + qualified[(colon + 1)..];
    }

    private Task<HttpResponseMessage> PostAsync(string operation, string body)
    {
        var envelope = $"<s:Envelope xmlns:s=\"{Soap11}\"><s:Body>{body}</s:Body></s:Envelope>";
        var request = new HttpRequestMessage(HttpMethod.Post, Svc) { Content = new StringContent(envelope, Encoding.UTF8, "text/xml") };
        request.Headers.Add("SOAPAction", $"\"{Catalog.Namespace}/ICatalog/{operation}\"");
        return _host.Client.SendAsync(request);
    }
}
