using System.Diagnostics;
using SoapMiddleware.MessagePack.Tests.Infrastructure;

namespace SoapMiddleware.MessagePack.Tests.Interop;

/// <summary>A second, independent client: Python's msgpack (Debian's python3-msgpack) calls every operation and fault.</summary>
[Collection(ToolServerCollection.Name)]
public sealed class PythonMsgpackInteropTests(ToolServer server)
{
    [PythonMsgpackFact]
    public async Task PythonMsgpack_EveryOperationAndFault_AllChecksPass()
    {
        var script = Path.Combine(AppContext.BaseDirectory, "Interop", "msgpack_client.py");
        var start = new ProcessStartInfo(PythonMsgpackFactAttribute.Python, [script, server.BaseAddress.ToString().TrimEnd('/')])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);

        var text = await output + await error;
        Assert.True(process.ExitCode == 0, text);
        Assert.Matches(@"OK \d{2,} checks", text);
    }
}
