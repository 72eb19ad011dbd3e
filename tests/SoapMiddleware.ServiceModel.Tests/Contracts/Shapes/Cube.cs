using System.Runtime.Serialization;

namespace SoapMiddleware.ServiceModel.Tests.Contracts.Shapes;

/// <summary>
/// Known through [ServiceKnownType] on the contract, two levels below <see cref="Shape"/>, in a namespace of its own:
/// its xsi:type prefix is bound to another namespace than its element's, and its members come base first (Shape, Square, Cube).
/// </summary>
[DataContract(Namespace = Shapes.ExtraNamespace)]
public sealed class Cube : Square
{
    [DataMember]
    public string? Color { get; set; }

    public override Shape Scale(double factor) => new Cube { Name = Name, Side = Side * factor, Color = Color };
}
