using System.Runtime.Serialization;

namespace SoapMiddleware.ServiceModel.Tests.Contracts.Shapes;

[DataContract]
public sealed class Circle : Shape
{
    [DataMember]
    public double Radius { get; set; }

    public override double Area => Math.PI * Radius * Radius;

    public override Shape Scale(double factor) => new Circle { Name = Name, Radius = Radius * factor };
}
