using System.ServiceModel;

namespace SoapMiddleware.ServiceModel.Tests.Contracts.Shapes;

/// <summary>
/// xsi:type polymorphism as WCF contracts declare it: [KnownType] on an abstract base, [ServiceKnownType] on the
/// contract (a type two levels down, in another namespace) and on one operation (a concrete base), as parameters,
/// results, data members and lists of mixed items.
/// </summary>
[ServiceContract(Namespace = Shapes.Namespace)]
[ServiceKnownType(typeof(Cube))]
public interface IShapes
{
    [OperationContract]
    Shape Grow(Shape shape, double factor);

    [OperationContract]
    List<Shape> Reverse(List<Shape> shapes);

    [OperationContract]
    double TotalArea(Shape[] shapes);

    [OperationContract]
    Drawing Redraw(Drawing drawing);

    [OperationContract]
    [ServiceKnownType(typeof(Dog))]
    Animal Rename(Animal animal, string name);
}
