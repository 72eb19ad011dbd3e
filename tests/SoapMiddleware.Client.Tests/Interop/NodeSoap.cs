using System.Text.Json;

namespace SoapMiddleware.Client.Tests.Interop;

/// <summary>
/// node-soap (npm <c>soap</c>), a SOAP client of another stack: <c>Interop/node</c> (its <c>package.json</c>, lock file
/// and scripts) is copied to the test output, and the pinned version is installed there with <c>npm ci</c> once; when
/// it is present already nothing is fetched, so the tests then run offline. Node.js and npm are Debian's <c>nodejs</c>
/// and <c>npm</c> (test.sh installs them).
/// </summary>
internal static class NodeSoap
{
    private static readonly SemaphoreSlim Installing = new(1, 1);

    /// <summary>Where the scripts and their <c>node_modules</c> are.</summary>
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "Interop", "node");

    /// <summary>Runs <paramref name="script"/> of <see cref="Folder"/> with node, after installing node-soap if it is missing.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(string script, params string[] arguments)
    {
        await InstallAsync();
        var (exitCode, output, error) = await ChildProcess.RunAsync("node", [Path.Combine(Folder, script), .. arguments]);
        return (exitCode, output + error);
    }

    private static async Task InstallAsync()
    {
        await Installing.WaitAsync();
        try
        {
            if (Installed() == Pinned())
            {
                return;
            }

            var (exitCode, output, error) = await ChildProcess.RunAsync("npm", "ci", "--prefix", Folder, "--no-audit", "--no-fund", "--loglevel=error");
            Assert.True(exitCode == 0, $"npm ci of node-soap into {Folder} failed ({exitCode}): {output}{error}");
            Assert.Equal(Pinned(), Installed());
        }
        catch (System.ComponentModel.Win32Exception missing)
        {
            Assert.Fail($"Node.js or npm is not installed ({missing.Message}): run ./test.sh, which installs them (apt-get install nodejs npm).");
        }
        finally
        {
            Installing.Release();
        }
    }

    /// <summary>The version of <c>soap</c> that package.json pins.</summary>
    private static string Pinned()
        => Version(Path.Combine(Folder, "package.json"), root => root.GetProperty("dependencies").GetProperty("soap"))!;

    /// <summary>The version of <c>soap</c> in node_modules, or null when it is not there.</summary>
    private static string? Installed()
        => Version(Path.Combine(Folder, "node_modules", "soap", "package.json"), root => root.GetProperty("version"));

    private static string? Version(string file, Func<JsonElement, JsonElement> select)
    {
        if (!File.Exists(file))
        {
            return null;
        }

        using var document = JsonDocument.Parse(File.ReadAllText(file));
        return select(document.RootElement).GetString();
    }
}
