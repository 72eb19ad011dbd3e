using System.Runtime.Serialization;

namespace SampleApp.Wcf;

/// <summary>The detail of Divide's division-by-zero fault, as a WCF data contract.</summary>
[DataContract(Namespace = Calculator.Namespace)]
public sealed class DivisionFault
{
    /// <summary>The number that was to be divided.</summary>
    [DataMember]
    public int Dividend { get; set; }
}
