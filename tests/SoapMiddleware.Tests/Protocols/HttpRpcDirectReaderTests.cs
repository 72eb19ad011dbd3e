using System.Text;
using Microsoft.AspNetCore.Http;
using static SoapMiddleware.Tests.Protocols.SoapStreamingReaderTests;

namespace SoapMiddleware.Tests.Protocols;

/// <summary>
/// The HTTP RPC query string is read straight into the argument array; the tree path (the query converted to the XML
/// wrapper and read by the model reader, as before) is the oracle: same arguments, same faults from the same stages.
/// </summary>
public sealed class HttpRpcDirectReaderTests
{
    private static readonly Lazy<RpcApplication> App = new(Build);

    [Theory]
    [InlineData("Add", "a=1&b=2")]
    [InlineData("Add", "A=1&B=%202%20")]
    [InlineData("Add", "a=1")]
    [InlineData("Add", "a=1&b=2&a=3")]
    [InlineData("Add", "a=1&A=3&b=2")]
    [InlineData("Add", "a=1.5&b=2")]
    [InlineData("Add", "a=99999999999&b=2")]
    [InlineData("Add", "a=1&b=2&c=3")]
    [InlineData("Add", "a&b=2")]
    [InlineData("Add", "")]
    [InlineData("Echo", "text=h%C3%A9llo+%3C%26%3E")]
    [InlineData("Echo", "text=")]
    [InlineData("Optional", "")]
    [InlineData("Optional", "note=n&count=3&color=Red&maybe=5&id=6f9619ff-8b86-d011-b42d-00cf4fc964ff")]
    [InlineData("Optional", "color=Purple")]
    [InlineData("Optional", "id=not-a-guid")]
    [InlineData("Check", "lines=1000&code=abc")]
    [InlineData("Check", "lines=0&code=abc")]
    [InlineData("Check", "lines=5&code=ABC")]
    [InlineData("Named", "name=x&tag=12345&items=1&items=2&items=3")]
    [InlineData("Named", "name=%20&tag=x")]
    [InlineData("Named", "name=x&tag=123456")]
    [InlineData("Named", "name=x&items=1&items=2&items=3&items=4")]
    [InlineData("Named", "name=x&items=1&items=x")]
    [InlineData("Strings", "values=a&values=&array=b")]
    [InlineData("Strings", "values=a")]
    [InlineData("Place", "order=1")]
    [InlineData("Stamp", "at=2026-12-01T10:00:00&amount=12.50&ratio=1e-3&flag=true&color=Blue")]
    [InlineData("Stamp", "at=yesterday&amount=1&ratio=1&flag=true&color=Blue")]
    [InlineData("Secure", "a=1")]
    public void Query_DirectMatchesTree(string operation, string query)
    {
        var bytes = Encoding.UTF8.GetBytes(query);

        var direct = Run(bytes, operation, tree: false);
        var tree = Run(bytes, operation, tree: true);

        Assert.Equal(tree, direct);
    }

    [Fact]
    public void GoodQuery_TreeNotBuiltUnlessAsked()
    {
        var app = App.Value;
        var context = NewContext("a=2&b=3"u8.ToArray(), "Add");

        app.FindProtocol("httprpc")!.CreateInDocument(context);
        app.FindProtocol("httprpc")!.DecomposeIncomingEnvelope(context);
        app.FindProtocol("httprpc")!.Deserialize(context);

        Assert.False(context.InDocumentTouched);
        Assert.Equal(new object?[] { 2, 3 }, context.InObject!);
        Assert.Equal("<Add xmlns=\"urn:test\"><a>2</a><b>3</b></Add>", context.InDocument!.ToString(System.Xml.Linq.SaveOptions.DisableFormatting));
        Assert.Same(context.InDocument.Root, context.InBodyDocument);
    }

    private static RpcApplication Build()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton<Microsoft.Extensions.Configuration.IConfiguration>(new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build());
        services.AddRpc(o => o.Namespace = "urn:test").AddService<StreamingService>();
        return services.BuildServiceProvider().GetRequiredService<RpcApplication>();
    }

    private static MethodContext NewContext(byte[] query, string operation)
    {
        var app = App.Value;
        var context = app.CreateContext(new HttpRpcTransport(new DefaultHttpContext()), new ServiceCollection().BuildServiceProvider(), query, null, null, default);
        context.Operation = app.FindOperation(operation);
        return context;
    }

    private static string Run(byte[] query, string operation, bool tree)
    {
        var app = App.Value;
        var protocol = (SoapMiddleware.Protocols.HttpRpc.HttpRpcProtocol)app.FindProtocol("httprpc")!;
        var context = NewContext(query, operation);
        var stage = "load";
        try
        {
            if (tree)
            {
                protocol.CreateInDocumentTree(context);
            }
            else
            {
                protocol.CreateInDocument(context);
            }

            stage = "decompose";
            protocol.DecomposeIncomingEnvelope(context);
            stage = "deserialize";
            protocol.Deserialize(context);
            var arguments = app.Serializer.WriteMessage(context.Operation!.Request, context.InObject!).ToString(System.Xml.Linq.SaveOptions.DisableFormatting);
            var types = string.Join(",", context.InObject!.Select(v => v?.GetType().Name ?? "null"));
            var document = context.InDocument!.ToString(System.Xml.Linq.SaveOptions.DisableFormatting);
            return $"ok [{types}] {arguments} {document} body={context.InBodyDocument == context.InDocument.Root}";
        }
        catch (RpcFault fault)
        {
            return $"{stage} {fault.Code} {fault.Message}";
        }
        catch (Exception ex)
        {
            return $"{stage} {ex.GetType().Name} {ex.Message}";
        }
    }
}
