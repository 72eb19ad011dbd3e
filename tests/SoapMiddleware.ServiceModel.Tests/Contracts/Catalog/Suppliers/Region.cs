namespace SoapMiddleware.ServiceModel.Tests.Contracts.Catalog.Suppliers;

public enum Region
{
    North,
    South,
}
