using SoapMiddleware;

namespace SampleApp.Services;

/// <summary>The reference service of docs/surface.md; tests, benchmarks and the README drive it.</summary>
/// <remarks>
/// <c>Sleep(seconds)</c> keeps the plain signature of the reference service: it reaches its call (progress,
/// cancellation) through <see cref="IMethodContextAccessor"/>, so a typed enqueue reads <c>s =&gt; s.Sleep(5)</c>.
/// </remarks>
[RpcService(Name = "CalculatorService")]
public sealed class CalculatorService(IMethodContextAccessor? calls = null)
{
    private static readonly DateTime OrderDate = new(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>Returns its argument.</summary>
    [RpcMethod]
    public string Echo(string text) => text;

    /// <summary>Adds two integers (wrapping on overflow, like C#).</summary>
    [RpcMethod]
    public int Add(int a, int b) => unchecked(a + b);

    /// <summary>A deterministic order: line i has Sku "SKU-i", Quantity i and Price i * 1.25.</summary>
    [RpcMethod]
    public Order GetOrder(int id, int lines)
    {
        if (lines < 0 || lines > 10_000)
        {
            throw RpcFault.Client($"lines must be between 0 and 10000, got {lines}.", "InvalidLines");
        }

        var orderLines = new OrderLine[lines];
        for (var i = 1; i <= lines; i++)
        {
            orderLines[i - 1] = new OrderLine($"SKU-{i}", i, i * 1.25m);
        }

        return new Order(id, $"Customer {id}", OrderDate, orderLines);
    }

    /// <summary>Integer division truncating toward zero; dividing by zero is the caller's fault.</summary>
    [RpcMethod]
    [RpcFault(typeof(DivisionFault))]
    public int Divide(int a, int b)
    {
        if (b == 0)
        {
            throw new RpcFault<DivisionFault>(RpcFaultCode.Client, "Division by zero.", new DivisionFault(a), "DivideByZero");
        }

        return a == int.MinValue && b == -1 ? int.MinValue : a / b;
    }

    /// <summary>Sleeps, reporting progress each second: the queue's classic example.</summary>
    [RpcMethod]
    public async Task Sleep(int seconds)
    {
        var context = calls?.MethodContext;
        var cancellationToken = context?.CancellationToken ?? CancellationToken.None;
        seconds = Math.Clamp(seconds, 0, 3600);
        for (var i = 0; i < seconds; i++)
        {
            await Report(context, i * 100 / seconds, $"slept {i} of {seconds} s");
            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
        }

        await Report(context, 100, $"slept {seconds} s");
    }

    /// <summary>
    /// Returns its argument: base64 text in SOAP (an MTOM part when the request was MTOM), a base64 string in JSON and
    /// HTTP RPC, bin in MessagePack.
    /// </summary>
    [RpcMethod]
    public byte[] EchoBytes(byte[] data) => data;

    private static ValueTask Report(MethodContext? context, int percent, string message)
        => context is null ? ValueTask.CompletedTask : context.ReportProgressAsync(percent, message);
}
