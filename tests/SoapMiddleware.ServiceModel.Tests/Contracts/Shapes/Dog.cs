using System.Runtime.Serialization;

namespace SoapMiddleware.ServiceModel.Tests.Contracts.Shapes;

[DataContract]
public sealed class Dog : Animal
{
    [DataMember]
    public bool Barks { get; set; }
}
