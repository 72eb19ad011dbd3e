using System.Diagnostics;

namespace SoapMiddleware.Client.Tests.Infrastructure;

/// <summary>
/// The processor time this process spent since it started: on a shared machine (the load can be many times the core
/// count) wall-clock time measures the neighbours, so time limits are asserted on it. Tests that use it run in
/// <see cref="TimingCollection"/>, alone, so the process's time is theirs.
/// </summary>
internal sealed class CpuClock
{
    private readonly TimeSpan _start = Process.GetCurrentProcess().TotalProcessorTime;
    private readonly Stopwatch _wall = Stopwatch.StartNew();

    public static CpuClock StartNew() => new();

    public TimeSpan Elapsed => Process.GetCurrentProcess().TotalProcessorTime - _start;

    public TimeSpan Wall => _wall.Elapsed;

    public override string ToString() => $"{Elapsed.TotalMilliseconds:F0} ms processor time ({Wall.TotalMilliseconds:F0} ms wall)";
}
