using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using SampleApp.Services;

namespace SoapMiddleware.Client.Tests.Typed;

/// <summary>One client instance, many threads: every result belongs to its own call (suds and node-soap got this wrong).</summary>
public sealed class ConcurrencyTests(SampleHost host) : IClassFixture<SampleHost>
{
    private const int Threads = 64;
    // The size. Measured per 6,400 calls on the shared 2-core machine (warm): a typed Add ~1.4 s, the same as a
    // hand-written HttpClient posting fixed bytes (~1.6 s), so the client is not what takes the time; a Divide fault
    // ~5x that (an exception thrown through the server's and the client's async frames), and the in-process sample app
    // burns ~0.27 s of processor per second idle (its queue workers). The faults (1 call in 5) are most of the run.
    private const int CallsPerThread = 500;

    [Fact]
    public void OneClient_64Threads_MixedCalls_EveryResultChecked()
    {
        var calculator = ClientFactory.Create<ICalculatorClient>(host.Endpoint("soap11"), "soap11", o => o.Timeout = TimeSpan.FromSeconds(60));
        var failures = new ConcurrentQueue<string>();
        var clock = Stopwatch.StartNew();
        var threads = Enumerable.Range(0, Threads).Select(t => new Thread(() => Run(calculator, t, failures)) { IsBackground = true }).ToList();
        threads.ForEach(thread => thread.Start());
        threads.ForEach(thread => thread.Join());

        Assert.Empty(failures.Take(10));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"{Threads * CallsPerThread} calls took {clock.Elapsed}");
    }

    private static void Run(ICalculatorClient calculator, int thread, ConcurrentQueue<string> failures)
    {
        for (var i = 0; i < CallsPerThread; i++)
        {
            try
            {
                Check(calculator, thread, i);
            }
            catch (Exception ex)
            {
                failures.Enqueue($"thread {thread}, call {i}: {ex.GetType().Name}: {ex.Message}");
            }
        }
    }

    // Each call's arguments are unique to (thread, i), so a result crossed with another call's shows.
    private static void Check(ICalculatorClient calculator, int thread, int i)
    {
        var unique = (thread * 100_000) + i;
        switch (i % 5)
        {
            case 0:
                Expect(unique + 7, calculator.Add(unique, 7), thread, i);
                break;
            case 1:
                Expect(unique - 3, calculator.AddAsync(unique, -3).GetAwaiter().GetResult(), thread, i);
                break;
            case 2:
                var text = "t" + unique.ToString(CultureInfo.InvariantCulture) + " <&>";
                Expect(text, calculator.Echo(text), thread, i);
                break;
            case 3:
                var order = calculator.GetOrderAsync(unique, (i % 4) + 1, CancellationToken.None).AsTask().GetAwaiter().GetResult();
                Expect(unique, order.Id, thread, i);
                Expect("Customer " + unique.ToString(CultureInfo.InvariantCulture), order.Customer, thread, i);
                Expect((i % 4) + 1, order.Lines.Length, thread, i);
                Expect(order.Lines.Length * 1.25m, order.Lines[^1].Price, thread, i);
                break;
            default:
                try
                {
                    calculator.Divide(unique, 0);
                    throw new InvalidOperationException("no fault");
                }
                catch (RpcFaultException fault)
                {
                    Expect(new DivisionFault(unique), fault.Detail, thread, i);
                }

                break;
        }
    }

    private static void Expect<T>(T expected, T actual, int thread, int i)
    {
        if (!EqualityComparer<T>.Default.Equals(expected, actual))
        {
            throw new InvalidOperationException($"expected {expected}, got {actual} (thread {thread}, call {i})");
        }
    }
}
