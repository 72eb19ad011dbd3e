namespace SoapMiddleware.Bench.SoapCore;

/// <summary>The same work as the sample's <c>CalculatorService</c>, so the two servers differ only in the stack.</summary>
public sealed class WcfCalculatorService : IWcfCalculator
{
    private static readonly DateTime OrderDate = new(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <inheritdoc />
    public string Echo(string text) => text;

    /// <inheritdoc />
    public int Add(int a, int b) => unchecked(a + b);

    /// <inheritdoc />
    public WcfOrder GetOrder(int id, int lines)
    {
        var orderLines = new WcfOrderLine[lines];
        for (var i = 1; i <= lines; i++)
        {
            orderLines[i - 1] = new WcfOrderLine { Sku = $"SKU-{i}", Quantity = i, Price = i * 1.25m };
        }

        return new WcfOrder { Id = id, Customer = $"Customer {id}", CreatedAt = OrderDate, Lines = orderLines };
    }
}
