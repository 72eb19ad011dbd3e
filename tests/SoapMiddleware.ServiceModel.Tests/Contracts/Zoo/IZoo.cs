using System.ServiceModel;

namespace SoapMiddleware.ServiceModel.Tests.Contracts.Zoo;

/// <summary>[XmlInclude] polymorphism in an [XmlSerializerFormat] contract: a base-typed parameter, result and array.</summary>
[ServiceContract(Namespace = Zoo.Namespace)]
[XmlSerializerFormat]
public interface IZoo
{
    [OperationContract]
    ZooAnimal Feed(ZooAnimal animal);

    [OperationContract]
    ZooAnimal[] Parade(ZooAnimal[] animals);
}
