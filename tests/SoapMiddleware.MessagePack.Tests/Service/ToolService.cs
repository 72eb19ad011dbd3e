namespace SoapMiddleware.MessagePack.Tests.Service;

/// <summary>
/// The service every test calls: the reference operations (Echo, Add, GetOrder, Divide with a typed Client fault)
/// plus the MessagePack types that JSON lacks (bin, float, timestamp), a void operation and an unexpected exception.
/// </summary>
[RpcService(Name = "ToolService")]
public sealed class ToolService
{
    /// <summary>The creation date of every order, so results are deterministic.</summary>
    public static readonly DateTime OrderDate = new(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    [RpcMethod]
    public string Echo(string text) => text;

    [RpcMethod]
    public int Add(int a, int b) => unchecked(a + b);

    /// <summary>Line i has Sku "SKU-i", Quantity i and Price i * 1.25; more than 1000 lines is the caller's fault.</summary>
    [RpcMethod]
    public Order GetOrder(int id, int lines)
    {
        if (lines < 0 || lines > 1000)
        {
            throw RpcFault.Client($"lines must be between 0 and 1000, got {lines}.", "InvalidLines");
        }

        var orderLines = new OrderLine[lines];
        for (var i = 1; i <= lines; i++)
        {
            orderLines[i - 1] = new OrderLine($"SKU-{i}", i, i * 1.25m);
        }

        return new Order(id, $"Customer {id}", OrderDate, orderLines);
    }

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

    /// <summary>Bytes in, bytes out: MessagePack's bin type both ways.</summary>
    [RpcMethod]
    public byte[] Reverse(byte[] data) => data.Reverse().ToArray();

    [RpcMethod]
    public double Half(double value) => value / 2;

    /// <summary>A date in (MessagePack's timestamp extension, or an ISO 8601 string), a date out (its XSD string).</summary>
    [RpcMethod]
    public DateTime NextDay(DateTime day) => day.AddDays(1);

    /// <summary>A void operation: its response is an empty map.</summary>
    [RpcMethod]
    public void Ping()
    {
    }

    /// <summary>A bug: an unexpected exception, which callers see only as a Server fault "Internal Error".</summary>
    [RpcMethod]
    public int Crash() => throw new InvalidOperationException("secret internals");
}
