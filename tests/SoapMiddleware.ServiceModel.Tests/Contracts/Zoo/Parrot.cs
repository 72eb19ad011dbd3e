namespace SoapMiddleware.ServiceModel.Tests.Contracts.Zoo;

public sealed class Parrot : ZooAnimal
{
    public string? Word { get; set; }
}
