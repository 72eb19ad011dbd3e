using System.ServiceModel;

namespace SoapMiddleware.ServiceModel.Tests.Contracts;

/// <summary>An [XmlSerializerFormat] contract whose type carries [XmlAttribute] members next to elements.</summary>
[ServiceContract(Namespace = BadgeBoard.Namespace), XmlSerializerFormat]
public interface IBadgeBoard
{
    /// <summary>Returns the badge one level up, every attribute changed.</summary>
    [OperationContract]
    Badge Promote(Badge badge);

    /// <summary><paramref name="count"/> badges, in an array.</summary>
    [OperationContract]
    Badge[] Issue(int count);
}
