using System.ServiceModel;

namespace SoapMiddleware.ServiceModel.Tests.SoapCorePeer;

/// <summary>
/// The sample app's WCF-contract calculator (issue 10, <c>SampleApp.Wcf.ICalculator</c>), copied here so the peer tests
/// own the exact contract both hosts serve: SoapCore through <c>UseSoapEndpoint</c> and our pipeline through
/// <c>MapRpc</c>. Its types are <c>[DataContract]</c>s in the contract's namespace, so SoapCore hosts it with its
/// DataContractSerializer, as a WCF service with these attributes would be.
/// </summary>
[ServiceContract(Name = "CalculatorService", Namespace = CalculatorNamespace.Value)]
public interface ICalculator
{
    /// <summary>Returns its argument.</summary>
    [OperationContract]
    string Echo(string text);

    /// <summary>Adds two integers, wrapping on overflow.</summary>
    [OperationContract]
    int Add(int a, int b);

    /// <summary>A deterministic order with <paramref name="lines"/> lines.</summary>
    [OperationContract]
    Order GetOrder(int id, int lines);

    /// <summary>Integer division; a zero divisor is a sender fault "Division by zero" with a <see cref="DivisionFault"/>.</summary>
    [OperationContract]
    [FaultContract(typeof(DivisionFault))]
    int Divide(int a, int b);
}
