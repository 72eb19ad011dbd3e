using System.Runtime.Serialization;

namespace SoapMiddleware.ServiceModel.Tests.SoapCorePeer.Client;

/// <summary>complexType tns:DivisionFault (the detail of wsdl:fault DivisionFaultFault) as svcutil generates it.</summary>
[DataContract(Name = "DivisionFault", Namespace = CalculatorNamespace.Value)]
public sealed class DivisionFault
{
    /// <summary>Dividend: xsd:int [0..1].</summary>
    [DataMember]
    public int Dividend { get; set; }
}
