using System.Diagnostics;

namespace SoapMiddleware.Tests.Zeep;

/// <summary>Runs one of a test project's zeep scripts (copied to its output's <c>Interop</c> folder) to its end.</summary>
public static class ZeepScript
{
    /// <summary>The script's exit code and everything it wrote (standard output, then standard error).</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(string scriptName, params string[] arguments)
    {
        var script = Path.Combine(AppContext.BaseDirectory, "Interop", scriptName);
        var start = new ProcessStartInfo(ZeepTheoryAttribute.Python, [script, .. arguments])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await error);
    }
}
