using System.Diagnostics;

namespace SoapMiddleware.Tests.Zeep;

/// <summary>A theory that runs only where Debian's python3-zeep is installed (./test.sh installs it), and says so otherwise.</summary>
public sealed class ZeepTheoryAttribute : TheoryAttribute
{
    public const string Python = "/usr/bin/python3";
    private static readonly Lazy<bool> Available = new(Probe);

    public ZeepTheoryAttribute()
    {
        if (!Available.Value)
        {
            Skip = "python3-zeep is not installed: run ./test.sh, which installs it (apt-get install python3-zeep).";
        }
    }

    private static bool Probe()
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(Python, ["-c", "import zeep"]) { RedirectStandardError = true })!;
            process.WaitForExit(30_000);
            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}
