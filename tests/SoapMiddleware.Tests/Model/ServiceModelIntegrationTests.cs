using System.Xml.Linq;
using System.Xml.Schema;
using SoapMiddleware.Description;
using SoapMiddleware.Model;
using static SoapMiddleware.Tests.Model.ModelTestHelpers;

namespace SoapMiddleware.Tests.Model;

// The model as the service description uses it: parameters, Task results, headers and fault details.
public sealed class ServiceModelIntegrationTests
{
    [Fact]
    public void Build_ServiceDescription_ProducesCompilableSchemaThatValidatesResponses()
    {
        var model = NewModel();
        var serializer = new XmlModelSerializer(model);
        var service = ServiceDescriptionBuilder.Build(typeof(ShopService), model);
        var operations = service.Operations;
        var messages = operations.SelectMany(o => new[] { o.Request, o.Response });
        var extras = operations.SelectMany(o => o.Headers.Select(h => (h.Element, h.Type)).Concat(o.FaultDetails.Select(f => (Tns + f.ItemName, f))));

        var schema = XsdSchemaBuilder.Build(model, messages, extras).Single();
        var set = new XmlSchemaSet();
        set.Add(XmlSchema.Read(schema.CreateReader(), null)!);
        set.Compile();
        var find = operations.Single(o => o.Name == "Find");
        var response = serializer.WriteMessage(find.Response, [new Page<Order> { Number = 1, Items = [new Order { Customer = "Ann" }] }]);
        var errors = new List<string>();
        new XDocument(XElement.Parse(response.ToString())).Validate(set, (_, e) => errors.Add(e.Message));

        Assert.Empty(errors);
        Assert.Equal("FindResponse", response.Name.LocalName);
        Assert.Equal("FindResult", response.Elements().Single().Name.LocalName);
        Assert.Contains(schema.Elements(), e => (string?)e.Attribute("name") == "Customer" && (string?)e.Attribute("type") == "tns:Customer");
    }

    [Fact]
    public void Build_ServiceDescription_RequestReadsParametersWithDefaults()
    {
        var model = NewModel();
        var serializer = new XmlModelSerializer(model);
        var find = ServiceDescriptionBuilder.Build(typeof(ShopService), model).Operations.Single(o => o.Name == "Find");

        var values = serializer.ReadMessage(Parse($"<Find xmlns='{Ns}'><query>tea</query></Find>"), find.Request);

        Assert.Equal(["tea", 20], values);
    }

    [RpcService]
    public sealed class ShopService
    {
        [RpcMethod]
        [RpcHeader(typeof(Customer))]
        [RpcFault(typeof(OrderLine))]
        public Task<Page<Order>> FindAsync(string query, int pageSize = 20) => Task.FromResult(new Page<Order>());

        [RpcMethod]
        public void Cancel(Guid id, string? reason) { }
    }
}
