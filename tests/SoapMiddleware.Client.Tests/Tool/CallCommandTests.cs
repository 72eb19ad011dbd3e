using System.Text.Json;
using SoapMiddleware.Tests.Infrastructure;

namespace SoapMiddleware.Client.Tests.Tool;

/// <summary><c>soapmw call</c>, run as a process (<c>dotnet soapmw.dll call ...</c>), against the sample app on Kestrel.</summary>
public sealed class CallCommandTests(SampleAppServer server) : IClassFixture<SampleAppServer>
{
    private string Wsdl => server.SoapUrl + "?wsdl";

    private static Task<(int ExitCode, string Output, string Error)> SoapmwAsync(params string[] arguments)
        => ChildProcess.RunAsync("dotnet", [Path.Combine(AppContext.BaseDirectory, "soapmw.dll"), .. arguments]);

    [Fact]
    public async Task Call_Add_PrintsTheResultAsJson()
    {
        var (exitCode, output, error) = await SoapmwAsync("call", Wsdl, "Add", "a=1", "b=2");

        Assert.True(exitCode == 0, error);
        Assert.Equal("3", output.Trim());
    }

    [Fact]
    public async Task Call_GetOrder_PrintsTheNestedRecordAsJson()
    {
        var (exitCode, output, error) = await SoapmwAsync("call", Wsdl, "GetOrder", "id=5", "lines=2");

        Assert.True(exitCode == 0, error);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(5, json.RootElement.GetProperty("Id").GetInt32());
        Assert.Equal("2024-01-01T00:00:00Z", json.RootElement.GetProperty("CreatedAt").GetString());
        var lines = json.RootElement.GetProperty("Lines").EnumerateArray().ToList();
        Assert.Equal(["SKU-1", "SKU-2"], lines.Select(l => l.GetProperty("Sku").GetString()));
        Assert.Equal(2.5m, lines[1].GetProperty("Price").GetDecimal());
    }

    [Fact]
    public async Task Call_WithXml_PrintsTheRawResponse()
    {
        var (exitCode, output, error) = await SoapmwAsync("call", Wsdl, "Echo", "text=hi there", "--xml");

        Assert.True(exitCode == 0, error);
        Assert.Contains("Envelope", output, StringComparison.Ordinal);
        Assert.Contains(">hi there</", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Call_DivideByZero_FaultOnStandardErrorWithExitCode2()
    {
        var (exitCode, output, error) = await SoapmwAsync("call", Wsdl, "Divide", "a=7", "b=0");

        Assert.Equal(2, exitCode);
        Assert.Equal("", output);
        Assert.Contains("fault Client (DivideByZero): Division by zero.", error, StringComparison.Ordinal);
        Assert.Contains("\"Dividend\": 7", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Call_UnknownOperationOrParameter_ExitCode1WithTheReason()
    {
        var (operationExit, _, operationError) = await SoapmwAsync("call", Wsdl, "Multiply", "a=1");
        var (parameterExit, _, parameterError) = await SoapmwAsync("call", Wsdl, "Add", "x=1");

        Assert.Equal(1, operationExit);
        Assert.Contains("no operation 'Multiply'", operationError, StringComparison.Ordinal);
        Assert.Equal(1, parameterExit);
        Assert.Contains("Add has no member 'x'; it has a, b.", parameterError, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", operationError + parameterError, StringComparison.Ordinal);
    }
}
