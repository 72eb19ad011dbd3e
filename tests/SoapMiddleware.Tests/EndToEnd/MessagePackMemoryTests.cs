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
        var directory = Directory.CreateTempSubdirectory("soapmw-msgpack-memory-").FullName;
        try
        {
            await using var app = await SampleAppProcess.StartAsync(Path.Combine(directory, "queue.db"), "--Queue:Workers=1");
            using var client = new HttpClient { BaseAddress = app.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
            await PostMessagePackAsync(client, ZerosForEcho(1_000));    // warm up: JIT, pools, first GCs
            var before = WorkingSet(app.Process);

            for (var i = 0; i < Requests; i++)
            {
                var (status, body) = await PostMessagePackAsync(client, ZerosForEcho(4_000_000));
                Assert.Equal(400, status);
                Assert.Contains("Element 'Echo/text': expected a JSON string, number or boolean, got an array.", Encoding.UTF8.GetString(body));
            }

            var growth = WorkingSet(app.Process) - before;
            Assert.True(growth < MaxGrowthBytes, $"The working set grew by {growth / (1024 * 1024)} MB over {Requests} requests.");

            var text = new string('x', 2 * 1024 * 1024);
            using var json = new StringContent($$"""{"text":"{{text}}"}""", Encoding.UTF8, "application/json");
            using var echo = await client.PostAsync("/json/calculator/Echo", json);
            Assert.Equal(HttpStatusCode.OK, echo.StatusCode);
            Assert.Contains(text, await echo.Content.ReadAsStringAsync());
        }
        finally
        {
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
}
