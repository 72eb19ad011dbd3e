using System.Globalization;
using System.ServiceModel;
using System.Text.Json;
using SoapMiddleware.ServiceModel.Tests.SoapCorePeer.Client;

namespace SoapMiddleware.ServiceModel.Tests.SoapCorePeer;

/// <summary>
/// Every operation of the calculator through the WCF client, with edge values (markup and non-ASCII text, wrapping
/// addition, empty and large orders, truncating division, the typed division-by-zero fault and a plain sender fault),
/// and the outcomes a correct host gives, computed from the implementation itself so the expectations cannot drift
/// from the service.
/// </summary>
internal static class CalculatorCalls
{
    private const string Text = "héllo <&> \"wörld\" ✓";

    /// <summary>Makes every call through <paramref name="client"/> and renders each outcome.</summary>
    public static IReadOnlyList<CalculatorCall> Run(ICalculatorClient client) =>
    [
        Make("Echo(text)", () => Quote(client.Echo(Text))),
        Make("Echo(\"\")", () => Quote(client.Echo(""))),
        Make("Echo(null)", () => Quote(client.Echo(null!))),
        Make("Add(2, 3)", () => Number(client.Add(2, 3))),
        Make("Add(int.MaxValue, 1)", () => Number(client.Add(int.MaxValue, 1))),
        Make("GetOrder(7, 3)", () => Render(client.GetOrder(7, 3))),
        Make("GetOrder(1, 0)", () => Render(client.GetOrder(1, 0))),
        Make("GetOrder(1, 100)", () => Render(client.GetOrder(1, 100))),
        Make("Divide(7, 2)", () => Number(client.Divide(7, 2))),
        Make("Divide(-7, 2)", () => Number(client.Divide(-7, 2))),
        Make("Divide(1, 0)", () => Number(client.Divide(1, 0))),
        Make("GetOrder(1, -1)", () => Render(client.GetOrder(1, -1))),
    ];

    /// <summary>
    /// What a correct host answers to <see cref="Run"/> over SOAP 1.1 or 1.2, from the implementation in-process. Only
    /// the faults depend on the version: SOAP 1.2 carries the subcode the service throws, SOAP 1.1 has no subcodes.
    /// </summary>
    public static IReadOnlyList<CalculatorCall> Expected(bool soap12 = false)
    {
        var service = new SampleApp.Wcf.Calculator();
        string Subcode(string name) => soap12 ? name : "(none)";
        return
        [
            new("Echo(text)", Quote(service.Echo(Text))),
            new("Echo(\"\")", Quote(service.Echo(""))),
            // A WCF string parameter may be null: the client sends <text i:nil="true"/> and gets null back.
            new("Echo(null)", Quote(service.Echo(null!))),
            new("Add(2, 3)", Number(service.Add(2, 3))),
            new("Add(int.MaxValue, 1)", Number(service.Add(int.MaxValue, 1))),
            new("GetOrder(7, 3)", Render(service.GetOrder(7, 3))),
            // An empty array goes out as <Lines/>, which the client reads back as an empty array, not null.
            new("GetOrder(1, 0)", Render(service.GetOrder(1, 0))),
            new("GetOrder(1, 100)", Render(service.GetOrder(1, 100))),
            new("Divide(7, 2)", Number(service.Divide(7, 2))),
            new("Divide(-7, 2)", Number(service.Divide(-7, 2))),
            // The WCF client must see a Client fault as a sender fault (issue 10), typed, with its detail and reason.
            new("Divide(1, 0)", $"FaultException<DivisionFault> dividend=1 sender=True subcode={Subcode("DivideByZero")} reason=Division by zero"),
            new("GetOrder(1, -1)", $"FaultException sender=True subcode={Subcode("InvalidLines")} reason=lines must be between 0 and 10000, got -1."),
        ];
    }

    private static CalculatorCall Make(string call, Func<string> invoke)
    {
        try
        {
            return new CalculatorCall(call, invoke());
        }
        catch (FaultException<Client.DivisionFault> fault)
        {
            // The fault as a WCF caller tests it: typed with its detail, whether it is the caller's fault, the reason.
            return new CalculatorCall(call, $"FaultException<DivisionFault> dividend={fault.Detail.Dividend} {Fault(fault)}");
        }
        catch (FaultException fault)
        {
            return new CalculatorCall(call, $"FaultException {Fault(fault)}");
        }
        catch (Exception error)
        {
            // Anything else the client throws (a fault it cannot read, a protocol error) is an outcome to compare too.
            return new CalculatorCall(call, $"{error.GetType().Name}: {error.Message}");
        }
    }

    private static string Fault(FaultException fault)
        => $"sender={fault.Code.IsSenderFault} subcode={fault.Code.SubCode?.Name ?? "(none)"} reason={fault.Reason.GetMatchingTranslation().Text}";

    private static string Quote(string? value) => value is null ? "null" : JsonSerializer.Serialize(value);

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    // Both the server's and the client's order types render to the same JSON when their values agree.
    private static string Render(SampleApp.Wcf.Order order) => JsonSerializer.Serialize(new
    {
        order.Id,
        order.Customer,
        CreatedAt = order.CreatedAt.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
        Lines = order.Lines.Select(l => new { l.Sku, l.Quantity, Price = Price(l.Price) }),
    });

    // The value, not its scale: 5.00 and 5 are the same price, and hosts may write either.
    private static string Price(decimal price) => price.ToString("0.############################", CultureInfo.InvariantCulture);

    private static string Render(Client.Order order) => JsonSerializer.Serialize(new
    {
        order.Id,
        order.Customer,
        CreatedAt = order.CreatedAt.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
        Lines = order.Lines?.Select(l => l is null ? null : new { l.Sku, l.Quantity, Price = Price(l.Price) }),
    });
}
