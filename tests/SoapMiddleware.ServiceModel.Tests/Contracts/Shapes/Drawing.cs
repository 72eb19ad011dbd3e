using System.Runtime.Serialization;

namespace SoapMiddleware.ServiceModel.Tests.Contracts.Shapes;

/// <summary>Base-typed data members: one shape and a list of mixed shapes.</summary>
[DataContract]
public sealed class Drawing
{
    [DataMember]
    public string? Title { get; set; }

    [DataMember]
    public Shape? Main { get; set; }

    [DataMember]
    public List<Shape> Shapes { get; set; } = [];
}
