using System.Diagnostics;

namespace SoapMiddleware.Tests.Support;

/// <summary>Runs a test project's client script of another stack (copied to its output's <c>Interop</c> folder) to its end.</summary>
public static class InteropScript
{
    /// <summary>The script's exit code and everything it wrote (standard output, then standard error).</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(string interpreter, string scriptName, params string[] arguments)
    {
        var script = Path.Combine(AppContext.BaseDirectory, "Interop", scriptName);
        var start = new ProcessStartInfo(interpreter, [script, .. arguments])
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
