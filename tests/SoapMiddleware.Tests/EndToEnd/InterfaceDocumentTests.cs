using System.Xml.Schema;

namespace SoapMiddleware.Tests.EndToEnd;

/// <summary>The WSDL and XSD served by the sample app: shape, address and validity.</summary>
[Collection(SampleAppCollection.Name)]
public sealed class InterfaceDocumentTests(SampleAppServer server)
{
    private static readonly XNamespace Wsdl = "http://schemas.xmlsoap.org/wsdl/";
    private static readonly XNamespace Soap = "http://schemas.xmlsoap.org/wsdl/soap/";
    private static readonly XNamespace Soap12 = "http://schemas.xmlsoap.org/wsdl/soap12/";
    private static readonly XNamespace Xs = "http://www.w3.org/2001/XMLSchema";

    private async Task<XDocument> GetWsdlAsync() => XDocument.Parse(await server.Client.GetStringAsync("/soap/calculator?wsdl"));

    [Fact]
    public async Task Wsdl_EveryOperation_InPortTypeAndBothBindings()
    {
        var wsdl = await GetWsdlAsync();

        var expected = new[] { "Echo", "Add", "GetOrder", "Divide", "Sleep", "EchoBytes" };
        var portType = wsdl.Root!.Element(Wsdl + "portType")!;
        Assert.Equal(expected, portType.Elements(Wsdl + "operation").Select(o => (string)o.Attribute("name")!));
        var bindings = wsdl.Root.Elements(Wsdl + "binding").ToList();
        Assert.Equal(2, bindings.Count);
        Assert.NotNull(bindings[0].Element(Soap + "binding"));
        Assert.NotNull(bindings[1].Element(Soap12 + "binding"));
        foreach (var binding in bindings)
        {
            Assert.Equal(expected, binding.Elements(Wsdl + "operation").Select(o => (string)o.Attribute("name")!));
        }
    }

    [Fact]
    public async Task Wsdl_Address_TakenFromRequest()
    {
        var wsdl = await GetWsdlAsync();

        var address = wsdl.Descendants(Soap + "address").Single().Attribute("location")!.Value;
        Assert.Equal(new Uri(server.BaseAddress, "/soap/calculator").ToString(), address);
        Assert.Equal(address, wsdl.Descendants(Soap12 + "address").Single().Attribute("location")!.Value);
    }

    [Fact]
    public async Task Wsdl_DivideFault_Declared()
    {
        var wsdl = await GetWsdlAsync();

        var divide = wsdl.Root!.Element(Wsdl + "portType")!.Elements(Wsdl + "operation").Single(o => (string)o.Attribute("name")! == "Divide");
        Assert.Equal("tns:DivisionFaultFault", divide.Element(Wsdl + "fault")!.Attribute("message")!.Value);
        Assert.Contains(wsdl.Root.Elements(Wsdl + "message"), m => (string)m.Attribute("name")! == "DivisionFaultFault");
    }

    [Fact]
    public async Task Wsdl_EmbeddedSchema_CompilesAndDescribesOrder()
    {
        var wsdl = await GetWsdlAsync();

        var schema = wsdl.Descendants(Xs + "schema").Single();
        var set = new XmlSchemaSet();
        set.Add(XmlSchema.Read(schema.CreateReader(), null)!);
        set.Compile();
        var order = schema.Elements(Xs + "complexType").Single(t => (string)t.Attribute("name")! == "Order");
        var lines = order.Descendants(Xs + "element").Single(e => (string)e.Attribute("name")! == "Lines");
        Assert.Equal("tns:ArrayOfOrderLine", (string)lines.Attribute("type")!);
        var price = schema.Descendants(Xs + "element").First(e => (string)e.Attribute("name")! == "Price");
        Assert.Equal("xs:decimal", (string)price.Attribute("type")!);
    }

    [Fact]
    public async Task Xsd_ServedAlone_SameSchemaAsInWsdl()
    {
        var xsd = XDocument.Parse(await server.Client.GetStringAsync("/soap/calculator?xsd"));
        var wsdl = await GetWsdlAsync();

        Assert.Equal(Xs + "schema", xsd.Root!.Name);
        Assert.Equal(
            wsdl.Descendants(Xs + "schema").Single().Elements().Count(),
            xsd.Root.Elements().Count());
    }

    [Fact]
    public async Task Wsdl_SecondRequest_SameBytes()
    {
        var first = await server.Client.GetStringAsync("/soap/calculator?wsdl");
        var second = await server.Client.GetStringAsync("/soap/calculator?wsdl");

        Assert.Equal(first, second);
    }
}
