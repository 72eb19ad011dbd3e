using SoapMiddleware.Tests.Support;

namespace SoapMiddleware.Tests.Zeep;

/// <summary>Runs one of a test project's zeep scripts (copied to its output's <c>Interop</c> folder) to its end.</summary>
public static class ZeepScript
{
    /// <summary>The script's exit code and everything it wrote (standard output, then standard error).</summary>
    public static Task<(int ExitCode, string Output)> RunAsync(string scriptName, params string[] arguments)
        => InteropScript.RunAsync(ZeepTheoryAttribute.Python, scriptName, arguments);
}
