using System.ServiceModel;

namespace SampleApp.Wcf;

/// <summary>
/// The reference calculator written as a WCF contract, as a SoapCore user has it: served by <c>MapRpc&lt;ICalculator&gt;</c>
/// at <c>/Calculator.svc</c>. Actions are WCF's defaults, <c>http://example.com/calculator/CalculatorService/{Operation}</c>.
/// </summary>
[ServiceContract(Name = "CalculatorService", Namespace = Calculator.Namespace)]
public interface ICalculator
{
    /// <summary>Returns its argument.</summary>
    [OperationContract]
    string Echo(string text);

    /// <summary>Adds two integers (wrapping on overflow).</summary>
    [OperationContract]
    int Add(int a, int b);

    /// <summary>The deterministic order of the reference service.</summary>
    [OperationContract]
    Order GetOrder(int id, int lines);

    /// <summary>Integer division; dividing by zero is a sender fault with a <see cref="DivisionFault"/> detail.</summary>
    [OperationContract]
    [FaultContract(typeof(DivisionFault))]
    int Divide(int a, int b);
}
