using System.Diagnostics;

namespace SoapMiddleware.Tests.Support;

/// <summary>Runs a program the tests start (a script of another stack, a tool of ours) to its end, within two minutes.</summary>
public static class ChildProcess
{
    /// <summary>The program's exit code, its standard output and its standard error.</summary>
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(string fileName, params string[] arguments)
    {
        var start = new ProcessStartInfo(fileName, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }
}
