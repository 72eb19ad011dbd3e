using System.Runtime.Serialization;

namespace SoapMiddleware.Tests.Model;

// Known types outside WCF: an abstract data contract and its derived types, one in another namespace (xsi:type).
[DataContract(Namespace = "urn:test")]
[KnownType(typeof(Dot))]
[KnownType(typeof(Box))]
public abstract class Figure
{
    [DataMember(Order = 0)]
    public string? Label { get; set; }

    public override string ToString() => GetType().Name + ":" + Label;
}

[DataContract(Namespace = "urn:test")]
public sealed class Dot : Figure
{
    [DataMember]
    public int X { get; set; }
}

[DataContract(Namespace = "urn:fig")]
public sealed class Box : Figure
{
    [DataMember]
    public int Side { get; set; }
}
