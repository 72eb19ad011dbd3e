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
            // A plain FaultException with the SOAP 1.1 Client code, as issue 10 specifies for the sample twin.
            throw new FaultException(new FaultReason("Division by zero"), new FaultCode("Client"), null);
        }

        return a == int.MinValue && b == -1 ? int.MinValue : a / b;
    }
}
