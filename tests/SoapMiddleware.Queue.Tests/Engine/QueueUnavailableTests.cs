using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using SoapMiddleware.EngineContract;
using SoapMiddleware.Queue.Tests.Storage;

namespace SoapMiddleware.Queue.Tests.Engine;

/// <summary>
/// The queue's database goes away while the app runs: an enqueue is refused with 503 and Retry-After (from code: a
/// <see cref="QueueUnavailableException"/> naming the engine and storage), never a 500 with a stack trace.
/// </summary>
public sealed class QueueUnavailableTests
{
    [PostgreSqlFact]
    public async Task DatabaseGone_HttpEnqueueIs503WithRetryAfter_CodeGetsQueueUnavailable()
    {
        var admin = PostgreSqlTestEnvironment.ConnectionString!;
        var database = "soapmw_gone_" + Guid.NewGuid().ToString("N")[..10];
        await Execute(admin, $"CREATE DATABASE {database}");
        var connectionString = new NpgsqlConnectionStringBuilder(admin) { Database = database, Pooling = false }.ConnectionString;
        await using var host = (BuiltinEngineHost)await BuiltinEngineHost.StartAsync(new EngineProbe(), q => q.UsePostgreSql(connectionString));
        await Execute(admin, $"DROP DATABASE {database} WITH (FORCE)");

        using var client = new HttpClient { BaseAddress = host.BaseAddress };
        var envelope = $"""<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><Add xmlns="{EngineTestService.Namespace}"><a>1</a><b>2</b></Add></s:Body></s:Envelope>""";
        var response = await client.PostAsync("/queue/calls", new StringContent(envelope, Encoding.UTF8, "text/xml"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.NotNull(response.Headers.RetryAfter);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("nothing was stored", body);
        Assert.DoesNotContain(database, body);
        Assert.DoesNotContain("   at ", body);

        var thrown = await Assert.ThrowsAsync<QueueUnavailableException>(() => host.Queue.EnqueueAsync<EngineTestService>(s => s.Add(1, 2, null!)));
        Assert.Contains("built-in queue engine", thrown.Message);
        Assert.Contains("PostgreSQL", thrown.Message);
    }

    private static async Task Execute(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
