using System.Xml.Serialization;

namespace SoapMiddleware.ServiceModel.Tests.Contracts.Zoo;

/// <summary>An abstract XmlSerializer base: every value on the wire is one of its [XmlInclude] types, marked with xsi:type.</summary>
[XmlInclude(typeof(Lion))]
[XmlInclude(typeof(Parrot))]
public abstract class ZooAnimal
{
    public string? Name { get; set; }
}
