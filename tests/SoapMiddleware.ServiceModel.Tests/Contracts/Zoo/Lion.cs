namespace SoapMiddleware.ServiceModel.Tests.Contracts.Zoo;

public sealed class Lion : ZooAnimal
{
    public int Meals { get; set; }
}
