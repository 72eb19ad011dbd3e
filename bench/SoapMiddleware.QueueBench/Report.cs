using System.Globalization;
using System.Text.Json;

namespace SoapMiddleware.QueueBench;

/// <summary>One subject's figures from one round.</summary>
internal sealed record BenchResult(
    string Subject,
    string Storage,
    int Workers,
    int Tasks,
    double? EnqueuePerSecond,
    double? DrainPerSecond,
    double EndToEndPerSecond,
    double? CeilingPerSecond,
    double PickupP50,
    double PickupP99,
    double? CpuMsPerJob,
    string Settings)
{
    /// <summary>Pickup when another process enqueues (Hangfire subjects, with --cross-process-pickup).</summary>
    public double? CrossProcessP50 { get; init; }

    public double? CrossProcessP99 { get; init; }

    /// <summary>CPU of the local PostgreSQL server per job while draining (Hangfire subjects).</summary>
    public double? PostgresCpuMsPerJob { get; init; }

    public string Line() => string.Create(CultureInfo.InvariantCulture,
        $"| {Subject} | {Storage} | {Workers} | {Tasks} | {F(EnqueuePerSecond)} | {F(DrainPerSecond)} | {EndToEndPerSecond:F0} | {F(CeilingPerSecond)} | {PickupP50:F1} | {PickupP99:F1} | {P(CrossProcessP50)} | {P(CrossProcessP99)} |");

    internal static string P(double? value) => value is { } v ? v.ToString("F1", CultureInfo.InvariantCulture) : "";

    internal static string F(double? value) => value is { } v ? v.ToString("F0", CultureInfo.InvariantCulture) : "";
}

/// <summary>
/// The run's table: per subject the median of its rounds (of two rounds, their mean), the ratios (built-in / its SQL
/// ceiling of the same round; Hangfire engine / raw Hangfire), then every round.
/// </summary>
internal static class Report
{
    public static void Print(string file)
    {
        var results = File.ReadAllLines(file).Where(l => l.Length > 0).Select(l => JsonSerializer.Deserialize<BenchResult>(l)!).ToList();
        var groups = results.GroupBy(r => (r.Subject, r.Storage, r.Workers, r.Tasks)).ToList();
        var raw = groups.FirstOrDefault(g => g.Key.Subject == "raw Hangfire");

        Console.WriteLine("| subject | storage | workers | tasks | enqueue/s | drain/s | end-to-end calls/s | baseline | baseline/s | ratio | pickup p50 ms | pickup p99 ms | rounds (end to end) |");
        Console.WriteLine("| --- | --- | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: | --- |");
        foreach (var g in groups)
        {
            var rounds = g.ToList();
            var endToEnd = Median(rounds.Select(r => r.EndToEndPerSecond));
            string baseline = "", baselineRate = "", ratio = "";
            if (g.Key.Subject == "built-in")
            {
                baseline = "its SQL ceiling";
                baselineRate = F(Median(rounds.Select(r => r.CeilingPerSecond ?? double.NaN)));
                ratio = Percent(Median(rounds.Select(r => r.EndToEndPerSecond / r.CeilingPerSecond!.Value)));
            }
            else if (g.Key.Subject == "Hangfire engine" && raw is not null)
            {
                var rawRate = Median(raw.Select(r => r.EndToEndPerSecond));
                baseline = "raw Hangfire";
                baselineRate = F(rawRate);
                ratio = (endToEnd / rawRate).ToString("F2", CultureInfo.InvariantCulture);
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {g.Key.Subject} | {g.Key.Storage} | {g.Key.Workers} | {g.Key.Tasks} | {F(Median(rounds.Select(r => r.EnqueuePerSecond)))} | " +
                $"{F(Median(rounds.Select(r => r.DrainPerSecond)))} | {endToEnd:F0} | {baseline} | {baselineRate} | {ratio} | " +
                $"{Median(rounds.Select(r => r.PickupP50)):F1} | {Median(rounds.Select(r => r.PickupP99)):F1} | " +
                $"{string.Join(" / ", rounds.Select(r => r.EndToEndPerSecond.ToString("F0", CultureInfo.InvariantCulture)))} |"));
        }

        var engine = groups.FirstOrDefault(g => g.Key.Subject == "Hangfire engine");
        if (engine is not null && raw is not null)
        {
            string R(Func<BenchResult, double?> pick)
                => (Median(engine.Select(pick)) / Median(raw.Select(pick))).ToString("F2", CultureInfo.InvariantCulture);
            Console.WriteLine();
            Console.WriteLine($"Hangfire engine / raw Hangfire: end to end {R(r => r.EndToEndPerSecond)}, drain {R(r => r.DrainPerSecond)}, " +
                $"enqueue {R(r => r.EnqueuePerSecond)}; CPU per job while draining, in the process + in PostgreSQL: engine " +
                $"{Median(engine.Select(r => r.CpuMsPerJob)):F2} + {Median(engine.Select(r => r.PostgresCpuMsPerJob)):F2} ms, " +
                $"raw {Median(raw.Select(r => r.CpuMsPerJob)):F2} + {Median(raw.Select(r => r.PostgresCpuMsPerJob)):F2} ms.");
            Console.WriteLine($"Hangfire storage options (both): {engine.First().Settings}");
        }

        Console.WriteLine();
        Console.WriteLine("Every round:");
        Console.WriteLine();
        Console.WriteLine("| subject | storage | workers | tasks | enqueue/s | drain/s | end-to-end calls/s | ceiling/s | pickup p50 ms | pickup p99 ms | cross-process p50 ms | cross-process p99 ms |");
        Console.WriteLine("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var r in results)
        {
            Console.WriteLine(r.Line());
        }
    }

    private static double Median(IEnumerable<double?> values) => Median(values.Where(v => v.HasValue).Select(v => v!.Value));

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Where(v => !double.IsNaN(v)).Order().ToList();
        if (sorted.Count == 0)
        {
            return double.NaN;
        }

        var mid = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    private static string F(double value) => double.IsNaN(value) ? "" : value.ToString("F0", CultureInfo.InvariantCulture);

    private static string Percent(double value) => double.IsNaN(value) ? "" : value.ToString("P0", CultureInfo.InvariantCulture);
}
