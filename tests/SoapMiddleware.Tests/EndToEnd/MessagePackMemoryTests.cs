using System.Buffers.Binary;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace SoapMiddleware.Tests.EndToEnd;

/// <summary>
/// A 4 MB MessagePack body that is one array of four million zeros where the contract takes a string
/// (<c>{"Echo":{"text":[0,0,…]}}</c>) must cost about what its bytes cost: it used to be turned whole into 8 MB of JSON
/// and a 4-million-element document (1.7 s of CPU and 220 MB each), and 40 in a row took the sample app from 99 MB to
/// over 1 GB. The sample app runs as its own process, with the server GC it has in production, so its working set is
/// its own.
/// </summary>
public sealed class MessagePackMemoryTests
{
    private const int Requests = 40;
    private const long MaxGrowthBytes = 300L * 1024 * 1024;

    [Fact]
    public async Task FortyArraysWhereTheContractTakesAString_WorkingSetStaysBounded_JsonStillAnswers()
    {
        var port = ChildProcess.FreePort();
        var directory = Directory.CreateTempSubdirectory("soapmw-msgpack-memory-").FullName;
        using var app = StartSampleApp(port, Path.Combine(directory, "queue.db"));
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(60) };
            await WaitUntilUpAsync(client, app);
            await PostMessagePackAsync(client, ZerosForEcho(1_000));    // warm up: JIT, pools, first GCs
            var before = WorkingSet(app);

            for (var i = 0; i < Requests; i++)
            {
                var (status, body) = await PostMessagePackAsync(client, ZerosForEcho(4_000_000));
                Assert.Equal(400, status);
                Assert.Contains("Element 'Echo/text': expected a JSON string, number or boolean, got an array.", Encoding.UTF8.GetString(body));
            }

            var growth = WorkingSet(app) - before;
            Assert.True(growth < MaxGrowthBytes, $"The working set grew by {growth / (1024 * 1024)} MB over {Requests} requests.");

            var text = new string('x', 2 * 1024 * 1024);
            using var json = new StringContent($$"""{"text":"{{text}}"}""", Encoding.UTF8, "application/json");
            using var echo = await client.PostAsync("/json/calculator/Echo", json);
            Assert.Equal(HttpStatusCode.OK, echo.StatusCode);
            Assert.Contains(text, await echo.Content.ReadAsStringAsync());
        }
        finally
        {
            if (!app.HasExited)
            {
                app.Kill();
                await app.WaitForExitAsync();
            }

            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary><c>{"Echo":{"text":[0 × count]}}</c>: an array 32 of positive fixints, one byte each.</summary>
    private static byte[] ZerosForEcho(int count)
    {
        byte[] head = [0x81, 0xa4, .. "Echo"u8, 0x81, 0xa4, .. "text"u8, 0xdd, 0, 0, 0, 0];
        BinaryPrimitives.WriteInt32BigEndian(head.AsSpan(head.Length - 4), count);
        var body = new byte[head.Length + count];
        head.CopyTo(body, 0);
        return body;
    }

    private static async Task<(int Status, byte[] Body)> PostMessagePackAsync(HttpClient client, byte[] body)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/msgpack");
        using var response = await client.PostAsync("/msgpack/calculator", content);
        return ((int)response.StatusCode, await response.Content.ReadAsByteArrayAsync());
    }

    private static long WorkingSet(Process process)
    {
        process.Refresh();
        return process.WorkingSet64;
    }

    private static Process StartSampleApp(int port, string database)
    {
        return ChildProcess.Start("dotnet",
        [
            Path.Combine(AppContext.BaseDirectory, "SampleApp.dll"), "--urls", $"http://127.0.0.1:{port}",
            "--Logging:LogLevel:Default=Warning", "--Queue:ConnectionString", database, "--Queue:Workers=1",
        ]);
    }

    private static async Task WaitUntilUpAsync(HttpClient client, Process app)
    {
        for (var i = 0; i < 300; i++)
        {
            Assert.False(app.HasExited, "The sample app exited at start.");
            try
            {
                using var response = await client.GetAsync("/openapi/v1.json");
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The sample app did not start within 30 s.");
    }
}
