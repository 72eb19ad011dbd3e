using System.ServiceModel;

namespace SampleApp.Wcf;

/// <summary>Implements <see cref="ICalculator"/> with the same results as <c>SampleApp.Services.CalculatorService</c>.</summary>
public sealed class Calculator : ICalculator
{
    /// <summary>The contract's namespace, shared by its data contracts.</summary>
    public const string Namespace = "http://example.com/calculator";

    private static readonly DateTime OrderDate = new(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <inheritdoc />
    public string Echo(string text) => text;

    /// <inheritdoc />
    public int Add(int a, int b) => unchecked(a + b);

    /// <inheritdoc />
    public Order GetOrder(int id, int lines)
    {
        if (lines < 0 || lines > 10_000)
        {
            throw new FaultException(new FaultReason($"lines must be between 0 and 10000, got {lines}."), FaultCode.CreateSenderFaultCode(new FaultCode("InvalidLines", Namespace)), null);
        }

        var order = new Order { Id = id, Customer = $"Customer {id}", CreatedAt = OrderDate, Lines = new OrderLine[lines] };
        for (var i = 1; i <= lines; i++)
        {
            order.Lines[i - 1] = new OrderLine { Sku = $"SKU-{i}", Quantity = i, Price = i * 1.25m };
        }

        return order;
    }

    /// <inheritdoc />
    public int Divide(int a, int b)
    {
        if (b == 0)
        {
            throw new FaultException<DivisionFault>(new DivisionFault { Dividend = a }, new FaultReason("Division by zero"), FaultCode.CreateSenderFaultCode(new FaultCode("DivideByZero", Namespace)), null);
        }

        return a == int.MinValue && b == -1 ? int.MinValue : a / b;
    }
}
