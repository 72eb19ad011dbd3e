using System.Runtime.Serialization;

namespace SoapMiddleware.ServiceModel.Tests.Contracts.Shapes;

/// <summary>A known type that is not sealed: <see cref="Cube"/> ([ServiceKnownType]) derives from it in turn.</summary>
[DataContract]
public class Square : Shape
{
    [DataMember]
    public double Side { get; set; }

    public override double Area => Side * Side;

    public override Shape Scale(double factor) => new Square { Name = Name, Side = Side * factor };
}
