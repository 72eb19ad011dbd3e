using System.ServiceModel;

namespace SoapMiddleware.ServiceModel.Tests.SoapCorePeer;

/// <summary>The one implementation both hosts run, so any difference the tests see comes from the host.</summary>
public sealed class CalculatorService : ICalculator
{
    private static readonly DateTime OrderDate = new(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <inheritdoc />
    public string Echo(string text) => text;

    /// <inheritdoc />
    public int Add(int a, int b) => unchecked(a + b);

    /// <inheritdoc />
    public Order GetOrder(int id, int lines)
    {
        // The sample twin's bounds, so both hosts fault alike on nonsense instead of allocating.
        if (lines < 0 || lines > 10_000)
        {
            throw new FaultException(
                new FaultReason($"lines must be between 0 and 10000, got {lines}."),
                FaultCode.CreateSenderFaultCode(new FaultCode("InvalidLines", CalculatorNamespace.Value)),
                null);
        }

        var orderLines = new OrderLine[lines];
        for (var i = 1; i <= lines; i++)
        {
            orderLines[i - 1] = new OrderLine { Sku = $"SKU-{i}", Quantity = i, Price = i * 1.25m };
        }

        return new Order { Id = id, Customer = $"Customer {id}", CreatedAt = OrderDate, Lines = orderLines };
    }

    /// <inheritdoc />
    public int Divide(int a, int b)
    {
        if (b == 0)
        {
            // As the sample twin throws it: a typed sender fault with a subcode naming the error.
            throw new FaultException<DivisionFault>(
                new DivisionFault { Dividend = a },
                new FaultReason("Division by zero"),
                FaultCode.CreateSenderFaultCode(new FaultCode("DivideByZero", CalculatorNamespace.Value)),
                null);
        }

        return a == int.MinValue && b == -1 ? int.MinValue : a / b;
    }
}
