namespace SoapMiddleware.ServiceModel.Tests.SoapCorePeer.XmlFormat;

/// <summary>The implementation both hosts run for <see cref="IXmlCalculator"/>.</summary>
public sealed class XmlCalculatorService : IXmlCalculator
{
    private static readonly DateTime OrderDate = new(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <inheritdoc />
    public string Echo(string text) => text;

    /// <inheritdoc />
    public int Add(int a, int b) => unchecked(a + b);

    /// <inheritdoc />
    public Order GetOrder(int id, int lines)
    {
        var orderLines = new OrderLine[Math.Clamp(lines, 0, 10_000)];
        for (var i = 1; i <= orderLines.Length; i++)
        {
            orderLines[i - 1] = new OrderLine { Sku = $"SKU-{i}", Quantity = i, Price = i * 1.25m };
        }

        return new Order { Id = id, Customer = $"Customer {id}", CreatedAt = OrderDate, Lines = orderLines };
    }
}
