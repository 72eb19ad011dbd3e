using System.Diagnostics;

namespace SoapMiddleware.MessagePack.Tests.Interop;

/// <summary>A fact that runs only where Debian's python3-msgpack is installed, and says so otherwise.</summary>
public sealed class PythonMsgpackFactAttribute : FactAttribute
{
    public const string Python = "/usr/bin/python3";
    private static readonly Lazy<bool> Available = new(Probe);

    public PythonMsgpackFactAttribute()
    {
        if (!Available.Value)
        {
            Skip = "python3-msgpack is not installed: run ./test.sh, which installs it (apt-get install python3-msgpack).";
        }
    }

    private static bool Probe()
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(Python, ["-c", "import msgpack"]) { RedirectStandardError = true })!;
            process.WaitForExit(30_000);
            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}
