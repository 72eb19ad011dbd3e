using System.Text;
using System.Xml.Linq;
using Microsoft.Extensions.DependencyInjection;
using SoapMiddleware.Description;
using SoapMiddleware.Protocols;
using SoapMiddleware.Protocols.Soap;
using SoapMiddleware.Tests.Model;

namespace SoapMiddleware.Tests.Protocols;

/// <summary>
/// The client's side of SOAP writes the common request (literal, wrapped, no header entries) straight to UTF-8 and
/// reads the common response in one pass, as the server does; the tree path is the oracle: the same request bytes,
/// the same result values, and a fault or an unexpected answer still read (or refused) by the tree path.
/// </summary>
public sealed class SoapClientFastPathTests
{
    private static readonly Lazy<RpcDescription> Description = new(Describe);

    [RpcService]
    public sealed class ClientService
    {
        [RpcMethod]
        public string Echo(string text) => text;

        [RpcMethod]
        public int Add(int a, int b) => a + b;

        [RpcMethod]
        public Order Place(Order order, Color color, DateTime at, decimal amount, double ratio, bool flag) => order;

        [RpcMethod]
        public List<string?> Strings(List<string?> values, string?[]? array, int? maybe) => values;

        [RpcMethod]
        public Figure[] Draw(Figure figure, Figure[]? figures) => figures ?? [figure];

        [RpcMethod]
        public void Nothing(Guid id) { }
    }

    public static TheoryData<string, object?[]> Calls() => new()
    {
        { "Echo", ["a & b < c > d \" ' \r\n\t 😀 é ü"] },
        { "Echo", [""] },
        { "Add", [int.MinValue, int.MaxValue] },
        { "Place", [NewOrder(), Color.Green, new DateTime(2026, 12, 7, 1, 2, 3, DateTimeKind.Utc), 12.345m, double.NaN, true] },
        { "Strings", [new List<string?> { "x", null, "" }, new string?[] { null, "y" }, null] },
        { "Strings", [new List<string?>(), null, 5] },
        { "Draw", [new Dot { Label = "a", X = 1 }, new Figure[] { new Box { Label = "b", Side = 2 }, new Dot { Label = null, X = -1 } }] },
        { "Nothing", [Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e")] },
    };

    [Theory]
    [MemberData(nameof(Calls))]
    public void WriteRequest_FastPath_WritesTheTreePathsBytes(string operation, object?[] arguments)
    {
        foreach (var soap in Protocols())
        {
            var found = Description.Value.FindOperation(operation)!;

            var (payload, contentType) = soap.WriteRequest(found, arguments);

            // The same document: names, attributes, xsi:type values and text; prefixes may differ (the tree path picks
            // a known type's own prefix where the sink reuses the service's for the same namespace).
            Assert.Equal(Canonical(soap.WriteRequestTree(found, arguments, [])), Canonical(payload));
            Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>", Encoding.UTF8.GetString(payload), StringComparison.Ordinal);
            Assert.StartsWith(soap.Version.ContentType, contentType, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(Calls))]
    public void ReadResponse_FastPath_ReadsWhatTheTreeReads(string operation, object?[] arguments)
    {
        foreach (var soap in Protocols())
        {
            var found = Description.Value.FindOperation(operation)!;
            var result = found.Response.Members.Count == 0 ? null : arguments[operation == "Draw" ? 1 : 0];
            var wrapper = Description.Value.Serializer.WriteMessage(found.Response, found.Response.Members.Count == 0 ? [] : [result]);
            var response = Envelope(soap.Version, new XElement(soap.Version.Namespace + "Header", new XElement("{urn:other}Trace", "t")), wrapper);

            var read = soap.ReadResponse(found, response);

            var parsed = XDocument.Parse(Encoding.UTF8.GetString(response.Span)).Root!.Element(soap.Version.Namespace + "Body")!.Elements().First();
            var expected = found.ResultOf(Description.Value.Serializer.ReadMessage(parsed, found.Response));
            Assert.Equal(Show(expected), Show(read));
        }
    }

    [Fact]
    public void ReadResponse_Fault_StillAnRpcFaultException()
    {
        var soap = Protocols()[0];
        var fault = Envelope(soap.Version, null, new XElement(soap.Version.Namespace + "Fault", new XElement("faultcode", "soap11env:Client"), new XElement("faultstring", "no such order")));

        var ex = Assert.Throws<RpcFaultException>(() => soap.ReadResponse(Description.Value.FindOperation("Echo")!, fault));

        Assert.Contains("no such order", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadResponse_UnexpectedWrapper_RefusedWithTheTreePathsMessage()
    {
        var soap = Protocols()[0];
        var other = Envelope(soap.Version, null, new XElement("{urn:test}AddResponse", new XElement("{urn:test}AddResult", "3")));

        var ex = Assert.Throws<InvalidDataException>(() => soap.ReadResponse(Description.Value.FindOperation("Echo")!, other));

        Assert.Contains("the Body holds 'AddResponse', expected 'EchoResponse'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadResponse_NotWellFormedAfterTheBody_Refused()
    {
        var soap = Protocols()[0];
        var good = Encoding.UTF8.GetString(Envelope(soap.Version, null, new XElement("{urn:test}EchoResponse", new XElement("{urn:test}EchoResult", "x"))).Span);

        Assert.Throws<InvalidDataException>(() => soap.ReadResponse(Description.Value.FindOperation("Echo")!, Encoding.UTF8.GetBytes(good.Replace("</soap11env:Envelope>", "</soap11env:Envelop>", StringComparison.Ordinal))));
    }

    private static SoapProtocol[] Protocols()
        => [.. new[] { "soap11", "soap12" }.Select(name => (SoapProtocol)RpcBuiltInProtocols.Create(name, Description.Value, new RpcOptions())!)];

    private static RpcDescription Describe()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton<Microsoft.Extensions.Configuration.IConfiguration>(new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build());
        services.AddRpc(o => o.Namespace = "urn:test").AddService<ClientService>();
        return services.BuildServiceProvider().GetRequiredService<RpcApplication>().Description;
    }

    private static Order NewOrder() => new()
    {
        Id = 7,
        Customer = "Ann <&>",
        Note = null,
        Lines = [new OrderLine("SKU-1", 2, 9.99m), new OrderLine("SKU-2", 1, 0m)],
        Color = Color.Red,
        ShippedAt = new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc),
    };

    private static ReadOnlyMemory<byte> Envelope(SoapVersion version, XElement? header, XElement body)
    {
        var envelope = new XElement(version.Namespace + "Envelope", new XAttribute(XNamespace.Xmlns + (version.Is12 ? "soap12env" : "soap11env"), version.Namespace.NamespaceName));
        if (header is not null)
        {
            envelope.Add(header);
        }

        envelope.Add(new XElement(version.Namespace + "Body", body));
        return Encoding.UTF8.GetBytes(new XDocument(envelope).ToString(SaveOptions.DisableFormatting));
    }

    private static string Canonical(byte[] xml) => Canonical(XDocument.Parse(Encoding.UTF8.GetString(xml), LoadOptions.PreserveWhitespace).Root!);

    private static string Canonical(XElement element)
    {
        var attributes = element.Attributes().Where(a => !a.IsNamespaceDeclaration).Select(a =>
            a.Name.LocalName == "type" && a.Name.NamespaceName == "http://www.w3.org/2001/XMLSchema-instance"
                ? $"{a.Name}={element.GetNamespaceOfPrefix(a.Value.Split(':')[0])?.NamespaceName}:{a.Value.Split(':')[^1]}"
                : $"{a.Name}={a.Value}");
        var content = element.Nodes().Select(n => n is XElement child ? Canonical(child) : ((XText)n).Value);
        return $"<{element.Name} {string.Join(" ", attributes)}>{string.Concat(content)}</>";
    }

    // Values compared by their JSON form: the model's types have no value equality.
    private static string Show(object? value) => value switch
    {
        null => "null",
        string text => System.Text.Json.JsonSerializer.Serialize(text),
        System.Collections.IEnumerable items => "[" + string.Join(",", items.Cast<object?>().Select(Show)) + "]",
        _ => value.GetType().Name + System.Text.Json.JsonSerializer.Serialize(value, value.GetType()),
    };
}
