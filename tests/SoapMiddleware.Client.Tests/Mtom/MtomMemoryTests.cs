using System.Diagnostics;
using System.Security.Cryptography;
using SoapMiddleware.Client.Tests.Typed;

namespace SoapMiddleware.Client.Tests.Mtom;

/// <summary>
/// A 200 MB document sent by our client to the sample app and streamed back, as MTOM both ways: the server (its own
/// process, with the server GC it has in production) keeps the part in a temporary file, the method reads it as a
/// stream, the result is copied to the response; its peak resident set (<c>VmHWM</c>) grows by less than 64 MB, and
/// the temporary file is gone once the call is.
/// </summary>
public sealed class MtomMemoryTests
{
    private const long Size = 200L * 1024 * 1024;
    private const long MaxGrowthBytes = 64L * 1024 * 1024;

    [Fact]
    public async Task Document200MB_StreamedBothWays_ServerPeakGrowsLessThan64MB()
    {
        var directory = Directory.CreateTempSubdirectory("soapmw-mtom-memory-").FullName;
        var serverParts = Path.Combine(directory, "server-parts");
        var clientParts = Path.Combine(directory, "client-parts");
        try
        {
            await using var app = await SampleAppProcess.StartAsync(Path.Combine(directory, "queue.db"), "--Queue:Workers=1", "--Rpc:Mtom:TempDirectory", serverParts);
            var address = app.Url("/soap/documents");
            var client = ClientFactory.Create<IDocumentClient>(address, "soap11", o =>
            {
                o.UseMtom = true;
                o.Timeout = TimeSpan.FromMinutes(5);
                o.ReaderLimits.Mtom.TempDirectory = clientParts;
            });
            Assert.Equal(PatternStream.DigestOf(2 * 1024 * 1024), await client.Digest(new PatternStream(2 * 1024 * 1024)));   // warm up: JIT, pools
            await using (var warm = await client.EchoDocument(new PatternStream(2 * 1024 * 1024)))
            {
                await warm.CopyToAsync(Stream.Null);
            }

            var before = PeakResidentBytes(app.Process);

            Assert.Equal(PatternStream.DigestOf(Size), await client.Digest(new PatternStream(Size)));
            await using (var echoed = await client.EchoDocument(new PatternStream(Size)))
            {
                Assert.Equal(PatternStream.DigestOf(Size), await DigestAsync(echoed));
            }

            var growth = PeakResidentBytes(app.Process) - before;
            Assert.True(growth < MaxGrowthBytes, $"The server's peak resident set grew by {growth / (1024 * 1024)} MB for a {Size / (1024 * 1024)} MB document.");
            Assert.Empty(Directory.EnumerateFileSystemEntries(serverParts));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task<string> DigestAsync(Stream stream)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[81920];
        long length = 0;
        int read;
        while ((read = await stream.ReadAsync(buffer)) > 0)
        {
            sha.AppendData(buffer, 0, read);
            length += read;
        }

        return $"{length}:{Convert.ToHexStringLower(sha.GetHashAndReset())}";
    }

    /// <summary>The process's peak resident set so far, from <c>/proc/&lt;pid&gt;/status</c> (<c>VmHWM</c>, in kB).</summary>
    private static long PeakResidentBytes(Process process)
    {
        var line = File.ReadLines($"/proc/{process.Id}/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture) * 1024;
    }
}
