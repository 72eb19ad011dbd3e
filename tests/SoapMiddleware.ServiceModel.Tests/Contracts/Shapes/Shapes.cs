namespace SoapMiddleware.ServiceModel.Tests.Contracts.Shapes;

/// <summary>Implements <see cref="IShapes"/>: every result keeps the runtime type of what it was made from.</summary>
public sealed class Shapes : IShapes
{
    public const string Namespace = "http://tests.example.com/shapes";
    public const string ExtraNamespace = "http://tests.example.com/shapes/extra";

    public Shape Grow(Shape shape, double factor) => shape.Scale(factor);

    public List<Shape> Reverse(List<Shape> shapes) => [.. Enumerable.Reverse(shapes)];

    public double TotalArea(Shape[] shapes) => shapes.Sum(s => s.Area);

    public Drawing Redraw(Drawing drawing) => new()
    {
        Title = drawing.Title + "!",
        Main = drawing.Main?.Scale(2),
        Shapes = [.. drawing.Shapes.Select(s => s.Scale(2))],
    };

    public Animal Rename(Animal animal, string name)
    {
        animal.Name = name;
        return animal;
    }
}
