using System.ServiceModel;

namespace SoapMiddleware.ServiceModel.Tests.Mtom;

/// <summary>The sample calculator's <c>EchoBytes</c> as a WCF client declares it (<c>/soap/calculator</c>, the sample's namespace).</summary>
[ServiceContract(Name = "CalculatorService", Namespace = "http://example.com/calc")]
public interface IEchoBytes
{
    [OperationContract]
    byte[] EchoBytes(byte[] data);
}
