using SoapMiddleware.MessagePack.Tests.Infrastructure;

namespace SoapMiddleware.MessagePack.Tests.Interop;

/// <summary>A second, independent client: Python's msgpack (Debian's python3-msgpack) calls every operation and fault.</summary>
[Collection(ToolServerCollection.Name)]
public sealed class PythonMsgpackInteropTests(ToolServer server)
{
    [PythonMsgpackFact]
    public async Task PythonMsgpack_EveryOperationAndFault_AllChecksPass()
    {
        var (exitCode, text) = await InteropScript.RunAsync(PythonMsgpackFactAttribute.Python, "msgpack_client.py", server.BaseAddress.ToString().TrimEnd('/'));

        Assert.True(exitCode == 0, text);
        Assert.Matches(@"OK \d{2,} checks", text);
    }
}
