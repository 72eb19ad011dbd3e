using System.Runtime.Serialization;

namespace SoapMiddleware.ServiceModel.Tests.SoapCorePeer;

/// <summary>The detail of Divide's division-by-zero fault.</summary>
[DataContract(Namespace = CalculatorNamespace.Value)]
public sealed class DivisionFault
{
    /// <summary>The number that was to be divided.</summary>
    [DataMember]
    public int Dividend { get; set; }
}
