using System.Text;
using Microsoft.AspNetCore.Http;
using SampleApp.Services;
using SoapMiddleware.Tests.Wrappers;

namespace SoapMiddleware.Tests.Protocols;

/// <summary>The fast path (bytes written directly) and the tree path (OutDocument, then bytes) write the same response.</summary>
public sealed class SoapResponseWriterTests
{
    [RpcService]
    public sealed class NullableService
    {
        [RpcMethod]
        public Person? Find(int id) => id == 0 ? null : new Person("Ann <&>", null, [1, 2], []);
    }

    public sealed record Person(string Name, string? Nickname, int[] Scores, string[] Tags);

    [RpcService]
    public sealed class NumbersService
    {
        [RpcMethod]
        public Numbers Extremes(bool max) => max
            ? new(sbyte.MaxValue, byte.MaxValue, short.MaxValue, ushort.MaxValue, int.MaxValue, uint.MaxValue, long.MaxValue, ulong.MaxValue,
                decimal.MaxValue, [0.0001m, 1.50m, 100m, -0m, 79228162514264337593543950335m], [int.MaxValue, 0, -1], 7)
            : new(sbyte.MinValue, byte.MinValue, short.MinValue, ushort.MinValue, int.MinValue, uint.MinValue, long.MinValue, ulong.MinValue,
                decimal.MinValue, [-0.0000000000000000000000000001m, -12.340m, -1m], [], null);
    }

    public sealed record Numbers(sbyte S8, byte U8, short S16, ushort U16, int S32, uint U32, long S64, ulong U64,
        decimal Dec, decimal[] Decimals, int[] Ints, int? Maybe);

    private static RpcApplication Build<TService>() where TService : class
    {
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton<Microsoft.Extensions.Configuration.IConfiguration>(new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build());
        services.AddSingleton(new Journal());
        services.AddRpc(o => o.Namespace = SoapRequests.Tns).AddService<TService>();
        return services.BuildServiceProvider().GetRequiredService<RpcApplication>();
    }

    private static string Write(RpcApplication application, string protocol, string operation, object? result, bool tree, Action<MethodContext>? setup = null)
    {
        var context = application.CreateContext(new HttpRpcTransport(new DefaultHttpContext()), new ServiceCollection().BuildServiceProvider(), default,
            protocol == "soap12" ? "application/soap+xml" : "text/xml", null, default);
        context.Operation = application.FindOperation(operation);
        context.OutObject = result;
        context.OutDocumentWanted = tree;
        setup?.Invoke(context);
        context.OutProtocol!.Serialize(context);
        context.OutProtocol.CreateOutString(context);
        Assert.Equal(tree, context.OutDocument is not null);
        return Encoding.UTF8.GetString(context.OutString.Span);
    }

    public static TheoryData<string, string, object?> SampleResults => new()
    {
        { "soap11", "Echo", "plain" },
        { "soap12", "Echo", "a <b> & \"c\" 'd' \r\n\t żółć 🚀" },
        { "soap11", "Add", 42 },
        { "soap11", "Sleep", null },
        { "soap11", "GetOrder", new CalculatorService().GetOrder(7, 3) },
        { "soap12", "GetOrder", new CalculatorService().GetOrder(7, 0) },
    };

    [Theory]
    [MemberData(nameof(SampleResults))]
    public void FastPath_SameBytesAsTreePath(string protocol, string operation, object? result)
    {
        var application = Build<CalculatorService>();

        var fast = Write(application, protocol, operation, result, tree: false);
        var tree = Write(application, protocol, operation, result, tree: true);

        Assert.Equal(tree, fast);
        Assert.NotNull(XDocument.Parse(fast));
    }

    [Theory]
    [InlineData(true, "79228162514264337593543950335", "2147483647")]
    [InlineData(false, "-79228162514264337593543950335", "-9223372036854775808")]
    public void FastPath_NumbersFormattedInPlace_SameBytesAsTreePath(bool max, string dec, string integer)
    {
        var application = Build<NumbersService>();
        var result = new NumbersService().Extremes(max);

        var fast = Write(application, "soap11", "Extremes", result, tree: false);
        var tree = Write(application, "soap11", "Extremes", result, tree: true);

        Assert.Equal(tree, fast);
        Assert.Contains(">" + dec + "<", fast);
        Assert.Contains(max ? ">1.50<" : ">-12.340<", fast);
        Assert.Contains(">" + integer + "<", fast);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void FastPath_NilsAndEmptyArrays_SameBytesAsTreePath(int id)
    {
        var application = Build<NullableService>();
        var result = new NullableService().Find(id);

        Assert.Equal(Write(application, "soap11", "Find", result, tree: true), Write(application, "soap11", "Find", result, tree: false));
    }

    [Fact]
    public void FastPath_OutHeader_SameBytesAsTreePath()
    {
        var application = Build<WrappedService>();
        void Header(MethodContext context) => context.SetOutHeader(new TraceHeader { Id = "x&y" });

        var fast = Write(application, "soap11", "Add", 3, tree: false, Header);

        Assert.Equal(Write(application, "soap11", "Add", 3, tree: true, Header), fast);
        Assert.Contains("<soap:Header><tns:TraceHeader><tns:Id>x&amp;y</tns:Id></tns:TraceHeader></soap:Header>", fast);
    }
}
