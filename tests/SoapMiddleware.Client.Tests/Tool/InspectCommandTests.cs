using System.Text.Json;
using SoapMiddleware.Tests.Infrastructure;

namespace SoapMiddleware.Client.Tests.Tool;

/// <summary>The soapmw tool, run as a process (<c>dotnet soapmw.dll inspect ...</c>), against the sample app on Kestrel.</summary>
public sealed class InspectCommandTests(SampleAppServer server) : IClassFixture<SampleAppServer>
{
    private static Task<(int ExitCode, string Output, string Error)> SoapmwAsync(params string[] arguments)
        => ChildProcess.RunAsync("dotnet", [Path.Combine(AppContext.BaseDirectory, "soapmw.dll"), .. arguments]);

    [Fact]
    public async Task InspectJson_SampleAppWsdl_ServicesPortsOperationsParametersAndFaults()
    {
        var (exitCode, output, error) = await SoapmwAsync("inspect", new Uri(server.SoapUrl + "?wsdl").ToString(), "--json");

        Assert.True(exitCode == 0, error);
        using var json = JsonDocument.Parse(output);
        var service = Assert.Single(json.RootElement.GetProperty("services").EnumerateArray());
        var ports = service.GetProperty("ports").EnumerateArray().ToList();
        Assert.Equal(["1.1", "1.2"], ports.Select(p => p.GetProperty("soapVersion").GetString()));
        Assert.All(ports, p => Assert.Equal(server.SoapUrl.ToString(), p.GetProperty("address").GetString()));
        var operations = ports[0].GetProperty("operations").EnumerateArray().ToList();
        Assert.Equal(["Echo", "Add", "GetOrder", "Divide", "Sleep", "EchoBytes"], operations.Select(o => o.GetProperty("name").GetString()));
        var add = operations[1];
        Assert.Equal(["a: xsd:int", "b: xsd:int"], Parameters(add.GetProperty("input")));
        Assert.Equal("xsd:int", Assert.Single(add.GetProperty("output").EnumerateArray()).GetProperty("type").GetString());
        var fault = Assert.Single(operations[3].GetProperty("faults").EnumerateArray());
        Assert.Contains("DivisionFault", fault.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Empty(json.RootElement.GetProperty("warnings").EnumerateArray());
    }

    [Fact]
    public async Task InspectText_SampleAppWsdl_ZeepStyleSignatures()
    {
        var (exitCode, output, error) = await SoapmwAsync("inspect", server.SoapUrl + "?wsdl");

        Assert.True(exitCode == 0, error);
        Assert.Contains("     xsd: http://www.w3.org/2001/XMLSchema", output, StringComparison.Ordinal);
        Assert.Contains("Add(a: xsd:int, b: xsd:int) -> AddResult: xsd:int", output, StringComparison.Ordinal);
        Assert.Contains("Divide(a: xsd:int, b: xsd:int) -> DivideResult: xsd:int raises", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Inspect_FileThatDoesNotExist_NonZeroExitReasonOnStandardErrorNoStackTrace()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"soapmw-missing-{Guid.NewGuid():N}.wsdl");

        var (exitCode, output, error) = await SoapmwAsync("inspect", missing, "--json");

        Assert.NotEqual(0, exitCode);
        Assert.Equal("", output);
        Assert.Contains($"cannot read file://{missing}", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RootCommand_ListsInspectAndCall()
    {
        var (_, output, _) = await SoapmwAsync("--help");

        var commands = output.Split("Commands:")[1];
        Assert.Contains("inspect", commands, StringComparison.Ordinal);
        Assert.Contains("call", commands, StringComparison.Ordinal);
    }

    private static List<string> Parameters(JsonElement parameters) =>
        parameters.EnumerateArray().Select(p => $"{p.GetProperty("name").GetString()}: {p.GetProperty("type").GetString()}").ToList();
}
