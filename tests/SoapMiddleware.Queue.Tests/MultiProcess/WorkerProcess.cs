using System.Diagnostics;

namespace SoapMiddleware.Queue.Tests.MultiProcess;

/// <summary>A sample app started as a separate workers-only process on PostgreSQL; stopped (or killed) by PID.</summary>
public sealed class WorkerProcess : IDisposable
{
    private readonly Process _process;

    private WorkerProcess(Process process) => _process = process;

    public int Pid => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>A port free on 127.0.0.1 now, for a process that must be told its port before it starts.</summary>
    public static int FreePort() => ChildProcess.FreePort();

    public static WorkerProcess Start(string connectionString, int workers)
        => StartSampleApp(
            "--urls", "http://127.0.0.1:0",
            "--Queue:Role=Workers", "--Queue:Provider=PostgreSql", $"--Queue:ConnectionString={connectionString}",
            $"--Queue:Workers={workers}", "--Queue:LeaseTimeout=00:00:05", "--Queue:PollInterval=00:00:01");

    /// <summary>Starts the sample app with these arguments (logging at Warning).</summary>
    public static WorkerProcess StartSampleApp(params string[] arguments)
    {
        var app = Path.Combine(AppContext.BaseDirectory, "SampleApp.dll");
        return new WorkerProcess(ChildProcess.Start("dotnet", [app, .. arguments, "--Logging:LogLevel:Default=Warning"]));
    }

    /// <summary>Runs the sample app until it exits (a start that must fail); returns its exit code and everything it printed.</summary>
    public static async Task<(int ExitCode, string Output)> RunToExitAsync(TimeSpan timeout, params string[] arguments)
    {
        var app = Path.Combine(AppContext.BaseDirectory, "SampleApp.dll");
        var start = new ProcessStartInfo("dotnet", [app, .. arguments])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start)!;
        var output = new System.Text.StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill();
            throw new TimeoutException($"The sample app did not exit within {timeout}: {output}");
        }

        process.WaitForExit();
        lock (output)
        {
            return (process.ExitCode, output.ToString());
        }
    }

    /// <summary>SIGKILL: no shutdown code runs, exactly like a power cut for the queue's purposes.</summary>
    public void KillHard() => _process.Kill(entireProcessTree: false);

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit(10_000);
        }

        _process.Dispose();
    }
}
