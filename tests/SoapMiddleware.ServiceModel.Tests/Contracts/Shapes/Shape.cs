using System.Runtime.Serialization;

namespace SoapMiddleware.ServiceModel.Tests.Contracts.Shapes;

/// <summary>An abstract base: every value on the wire is one of its known types, marked with xsi:type.</summary>
[DataContract]
[KnownType(typeof(Circle))]
[KnownType(typeof(Square))]
public abstract class Shape
{
    [DataMember]
    public string? Name { get; set; }

    public abstract double Area { get; }

    /// <summary>The same kind of shape, <paramref name="factor"/> times as large in each dimension.</summary>
    public abstract Shape Scale(double factor);
}
