using System.ServiceModel;

namespace SoapMiddleware.ServiceModel.Tests.Contracts;

/// <summary>A contract in XmlSerializer format: plain classes, Xml* attributes, DataContractSerializer fault details.</summary>
[ServiceContract(Namespace = Shop.Namespace), XmlSerializerFormat]
public interface IShop
{
    [OperationContract]
    Basket Fill(string owner, int[] quantities);

    [OperationContract]
    Color Paint(Color color);

    [OperationContract]
    [FaultContract(typeof(ShopFault))]
    int Pay(int amount);
}
