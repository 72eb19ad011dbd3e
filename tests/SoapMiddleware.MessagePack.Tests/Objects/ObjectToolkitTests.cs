using SoapMiddleware.Description;
using SoapMiddleware.MessagePack.Tests.Service;
using SoapMiddleware.Protocols.Objects;

namespace SoapMiddleware.MessagePack.Tests.Objects;

/// <summary>
/// The core's protocol toolkit for formats of objects, used from a project that sees no core internals: the model walk
/// writes results, requests and faults into a format's own writer, and the shape tells a transcoder what the argument
/// reader refuses (issue 17: production packages, MessagePack among them, build against public API only).
/// </summary>
public sealed class ObjectToolkitTests
{
    private static readonly RpcDescription Description = RpcDescriptionFactory.FromServiceType(typeof(ToolService), "urn:tools");

    [Fact]
    public void WriteResult_GetOrder_WritesMembersInSchemaOrderAndDecimalsAsText()
    {
        var writer = new TokenWriter();
        var order = new ToolService().GetOrder(7, 1);

        ObjectModelWriter.WriteResult(ref writer, Description.FindOperation("GetOrder")!, order);

        string[] expected =
            ["{1", "GetOrderResult:", "{4", "Id:", "7", "Customer:", "\"Customer 7\"", "CreatedAt:", "\"2024-01-01T00:00:00Z\"",
             "Lines:", "[1", "{3", "Sku:", "\"SKU-1\"", "Quantity:", "1", "Price:", "\"1.25\"", "}", "]", "}", "}"];
        Assert.Equal(expected, writer.Tokens);
    }

    [Fact]
    public void WriteRequest_WrongArgumentCount_ThrowsNamingTheOperation()
    {
        var writer = new TokenWriter();

        var error = Assert.Throws<ArgumentException>(() => ObjectModelWriter.WriteRequest(ref writer, Description.FindOperation("Add")!, [1]));

        Assert.Contains("'Add' takes 2 arguments, not 1", error.Message, StringComparison.Ordinal);
        Assert.Empty(writer.Tokens);
    }

    [Fact]
    public void WriteRequest_Add_NamesTheOperationThenItsArguments()
    {
        var writer = new TokenWriter();

        ObjectModelWriter.WriteRequest(ref writer, Description.FindOperation("Add")!, [1, 2]);

        string[] expected = ["{1", "Add:", "{2", "a:", "1", "b:", "2", "}", "}"];
        Assert.Equal(expected, writer.Tokens);
    }

    [Fact]
    public void WriteFault_TypedDetail_WritesCodeMessageSubcodeAndDetail()
    {
        var writer = new TokenWriter();
        var fault = new RpcFault<DivisionFault>(RpcFaultCode.Client, "Division by zero.", new DivisionFault(5), "DivideByZero");

        ObjectModelWriter.WriteFault(ref writer, Description, new RpcOptions(), fault, fault);

        string[] expected =
            ["{1", "fault:", "{4", "code:", "\"Client\"", "message:", "\"Division by zero.\"", "subcode:", "\"DivideByZero\"",
             "detail:", "{1", "Dividend:", "5", "}", "}", "}"];
        Assert.Equal(expected, writer.Tokens);
    }

    [Fact]
    public void ArgumentObjectShape_KnowsKeysAndWhatTheirValuesRefuse()
    {
        var routing = ArgumentObjectShape.Routing(Description);

        Assert.True(routing.TryGetKey("Echo", out var echo));
        Assert.False(routing.TryGetKey("Nope", out _));
        Assert.True(echo.HasKeys);
        Assert.True(echo.TryGetKey("TEXT", out var text));
        Assert.False(echo.TryGetKey("other", out _));
        Assert.True(text.ForbidsArray);
        Assert.True(text.ForbidsObject);
        Assert.False(ArgumentObjectShape.Any.ForbidsArray);
    }
}
