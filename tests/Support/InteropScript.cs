namespace SoapMiddleware.Tests.Support;

/// <summary>Runs a test project's client script of another stack (copied to its output's <c>Interop</c> folder) to its end.</summary>
public static class InteropScript
{
    /// <summary>The script's exit code and everything it wrote (standard output, then standard error).</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(string interpreter, string scriptName, params string[] arguments)
    {
        var script = Path.Combine(AppContext.BaseDirectory, "Interop", scriptName);
        var (exitCode, output, error) = await ChildProcess.RunAsync(interpreter, [script, .. arguments]);
        return (exitCode, output + error);
    }
}
