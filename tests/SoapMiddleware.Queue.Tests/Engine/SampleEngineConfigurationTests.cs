using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SoapMiddleware.Queue.Tests.MultiProcess;

namespace SoapMiddleware.Queue.Tests.Engine;

/// <summary>
/// The sample app's engine keys, run as real processes: <c>Queue:Engine</c> and <c>Queue:Provider</c> choose the engine
/// and storage, and a storage that cannot be reached stops the start with a message naming both. (No SQL Server runs on
/// these machines: its wiring is checked by the start failing on Hangfire.SqlServer's own connection attempt.)
/// </summary>
[Collection(MultiProcessCollection.Name)]
public sealed class SampleEngineConfigurationTests
{
    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task HangfireOnSqlServer_Unreachable_StartFailsNamingEngineAndStorage()
    {
        var (exit, output) = await WorkerProcess.RunToExitAsync(
            StartLimit,
            "--urls", "http://127.0.0.1:0", "--Queue:Engine=Hangfire", "--Queue:Provider=SqlServer",
            "--Queue:ConnectionString=Server=127.0.0.1,1;Database=queue;User Id=sa;Password=x;Connect Timeout=2;TrustServerCertificate=true");

        Assert.NotEqual(0, exit);
        Assert.Contains("The Hangfire queue engine", output);
        Assert.Contains("SqlServer", output);
    }

    [Fact]
    public async Task BuiltinOnPostgreSql_Unreachable_StartFailsNamingEngineAndStorage()
    {
        var (exit, output) = await WorkerProcess.RunToExitAsync(
            StartLimit,
            "--urls", "http://127.0.0.1:0", "--Queue:Provider=PostgreSql", "--Queue:ConnectionString=Host=127.0.0.1;Port=1;Username=app;Timeout=2");

        Assert.NotEqual(0, exit);
        Assert.Contains("The built-in queue engine could not open its PostgreSQL storage", output);
    }

    [Theory]
    [InlineData("--Queue:Engine=Kafka", "Queue:Engine 'Kafka' is not an engine")]
    [InlineData("--Queue:Engine=Hangfire --Queue:Provider=Sqlite", "Queue:Provider 'Sqlite' is not a Hangfire storage")]
    [InlineData("--Queue:Provider=SqlServer", "Queue:Provider 'SqlServer' is not a storage of the built-in engine")]
    [InlineData("--Queue:Engine=Hangfire --Queue:Provider=PostgreSql", "Queue:ConnectionString is empty")]
    public async Task WrongKeys_StartFailsWithTheKeyNamed(string arguments, string message)
    {
        var (exit, output) = await WorkerProcess.RunToExitAsync(StartLimit, ["--urls", "http://127.0.0.1:0", .. arguments.Split(' ')]);

        Assert.NotEqual(0, exit);
        Assert.Contains(message, output);
    }

    [Fact]
    public async Task HangfireInMemory_ServesTheSameSurface_AndHangfiresDashboardLocally()
    {
        var port = WorkerProcess.FreePort();
        using var app = WorkerProcess.StartSampleApp("--urls", $"http://127.0.0.1:{port}", "--Queue:Engine=Hangfire");
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        var health = await Wait.ForServingAsync(async () => await client.GetFromJsonAsync<JsonElement>("/health"), _ => true, "the sample app's health", StartLimit, TimeSpan.FromMilliseconds(100));
        Assert.Equal("Hangfire", health.GetProperty("engine").GetString());

        var accepted = await client.PostAsync("/demo/sleep/0", null);
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        var body = await accepted.Content.ReadFromJsonAsync<JsonElement>();
        var location = body.GetProperty("location").GetString()!;
        var task = await Wait.ForServingAsync(
            () => client.GetFromJsonAsync<JsonElement>(location), t => t.GetProperty("state").GetString() == "Succeeded", "the call succeeded", StartLimit, TimeSpan.FromMilliseconds(100));
        Assert.Equal("Hangfire", task.GetProperty("engine").GetString());
        Assert.Equal("CalculatorService.Sleep(0)", task.GetProperty("display").GetString());

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/hangfire")).StatusCode);
        var jobs = await client.GetStringAsync("/hangfire/jobs/succeeded");
        Assert.Contains("CalculatorService.Sleep(0)", jobs);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/rpc-dashboard")).StatusCode);
        var workers = await client.GetFromJsonAsync<JsonElement>("/queue/api/workers");
        Assert.Equal(4, workers.GetArrayLength());
    }
}
