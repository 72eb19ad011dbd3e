using System.Text;
using System.Xml.Linq;
using System.Xml.Schema;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using SoapMiddleware.ServiceModel.Tests.Contracts.Zoo;
using SoapMiddleware.ServiceModel.Tests.Infrastructure;

namespace SoapMiddleware.ServiceModel.Tests.EndToEnd;

/// <summary>
/// [XmlInclude] types in place of their abstract base in an [XmlSerializerFormat] contract: a real WCF client
/// (XmlSerializer) sends and receives them over SOAP 1.1 and 1.2; the WSDL describes them as extensions.
/// </summary>
public sealed class XmlIncludeContractTests : IAsyncLifetime
{
    private static readonly XNamespace Ns = Zoo.Namespace;
    private static readonly XNamespace Xsi = "http://www.w3.org/2001/XMLSchema-instance";
    private static readonly XNamespace Soap11 = "http://schemas.xmlsoap.org/soap/envelope/";
    private static readonly XNamespace Wsdl = "http://schemas.xmlsoap.org/wsdl/";
    private static readonly XNamespace Xs = "http://www.w3.org/2001/XMLSchema";
    private ContractHost _host = null!;

    private Uri Svc => _host.Url("/Zoo.svc");

    public async Task InitializeAsync()
        => _host = await ContractHost.StartAsync(rpc => rpc.AddService<IZoo, Zoo>(), app => app.MapRpc<IZoo>("/Zoo.svc"));

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [InlineData(WcfBindings.Soap11)]
    [InlineData(WcfBindings.Soap12)]
    public async Task WcfClient_IncludedTypes_RoundTripThroughTheBase(string version)
    {
        var factory = WcfBindings.Factory<IZoo>(version, Svc);
        try
        {
            await WcfBindings.OnEightThreadsAsync(factory, (zoo, thread) =>
            {
                var lion = Assert.IsType<Lion>(zoo.Feed(new Lion { Name = $"l{thread}", Meals = thread }));
                Assert.Equal(($"l{thread}", thread + 1), (lion.Name, lion.Meals));
                var parade = zoo.Parade([new Lion { Name = "a", Meals = 1 }, new Parrot { Name = "b", Word = "hi" }]);
                Assert.Equal([typeof(Parrot), typeof(Lion)], parade.Select(a => a.GetType()));
                Assert.Equal(("b", "hi"), (parade[0].Name, ((Parrot)parade[0]).Word));
                return Task.CompletedTask;
            });
        }
        finally
        {
            factory.Close();
        }
    }

    [Fact]
    public async Task Feed_Wire_XsiTypeOnTheResult_UnknownTypeIsAClientFault()
    {
        using var response = await PostAsync("Feed", $"<Feed xmlns=\"{Ns}\" xmlns:i=\"{Xsi}\"><animal i:type=\"Parrot\"><Name>p</Name><Word>w</Word></animal></Feed>");
        using var unknown = await PostAsync("Feed", $"<Feed xmlns=\"{Ns}\" xmlns:i=\"{Xsi}\"><animal i:type=\"Tiger\"><Name>p</Name></animal></Feed>");

        var result = XDocument.Parse(await response.Content.ReadAsStringAsync()).Descendants(Ns + "FeedResult").Single();
        var type = (string)result.Attribute(Xsi + "type")!;
        Assert.Equal(Ns + "Parrot", result.GetNamespaceOfPrefix(type[..type.IndexOf(':', StringComparison.Ordinal)])! + type[(type.IndexOf(':', StringComparison.Ordinal) + 1)..]);
        Assert.Equal([Ns + "Name", Ns + "Word"], result.Elements().Select(e => e.Name));
        Assert.Equal(["p", "w!"], result.Elements().Select(e => e.Value));
        var fault = XDocument.Parse(await unknown.Content.ReadAsStringAsync()).Descendants(Soap11 + "Fault").Single();
        Assert.EndsWith("Client", fault.Element("faultcode")!.Value, StringComparison.Ordinal);
        Assert.Contains("xsi:type 'Tiger'", fault.Element("faultstring")!.Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wsdl_IncludedTypesExtendTheAbstractBase_SchemaCompiles()
    {
        var wsdl = XDocument.Parse(await _host.Client.GetStringAsync("/Zoo.svc?wsdl"));

        var set = new XmlSchemaSet();
        foreach (var schema in wsdl.Root!.Element(Wsdl + "types")!.Elements(Xs + "schema"))
        {
            set.Add(XmlSchema.Read(new XDocument(schema).CreateReader(), (_, e) => throw new XmlSchemaException(e.Message))!);
        }

        set.Compile();
        Assert.True(((XmlSchemaComplexType)set.GlobalTypes[new System.Xml.XmlQualifiedName("ZooAnimal", Zoo.Namespace)]!).IsAbstract);
        var lion = (XmlSchemaComplexType)set.GlobalTypes[new System.Xml.XmlQualifiedName("Lion", Zoo.Namespace)]!;
        Assert.Equal(("ZooAnimal", XmlSchemaDerivationMethod.Extension), (lion.BaseXmlSchemaType!.QualifiedName.Name, lion.DerivedBy));
    }

    private Task<HttpResponseMessage> PostAsync(string operation, string body)
    {
        var envelope = $"<s:Envelope xmlns:s=\"{Soap11}\"><s:Body>{body}</s:Body></s:Envelope>";
        var request = new HttpRequestMessage(HttpMethod.Post, Svc) { Content = new StringContent(envelope, Encoding.UTF8, "text/xml") };
        request.Headers.Add("SOAPAction", $"\"{Zoo.Namespace}/IZoo/{operation}\"");
        return _host.Client.SendAsync(request);
    }
}
