using System.Runtime.Serialization;

namespace SoapMiddleware.ServiceModel.Tests.Contracts.Shapes;

/// <summary>A concrete base without [KnownType]: <see cref="Dog"/> is known through [ServiceKnownType] on one operation.</summary>
[DataContract]
public class Animal
{
    [DataMember]
    public string? Name { get; set; }
}
