namespace SoapMiddleware.ServiceModel.Tests.Contracts.Zoo;

/// <summary>Implements <see cref="IZoo"/>: every result keeps the runtime type of what it was made from.</summary>
public sealed class Zoo : IZoo
{
    public const string Namespace = "http://tests.example.com/zoo";

    public ZooAnimal Feed(ZooAnimal animal) => animal switch
    {
        Lion lion => new Lion { Name = lion.Name, Meals = lion.Meals + 1 },
        Parrot parrot => new Parrot { Name = parrot.Name, Word = parrot.Word + "!" },
        _ => throw new ArgumentException("unknown animal", nameof(animal)),
    };

    public ZooAnimal[] Parade(ZooAnimal[] animals) => [.. animals.Reverse()];
}
