using System.ServiceModel;
using SoapMiddleware.Model;
using SoapMiddleware.ServiceModel.Contracts;

namespace SoapMiddleware.ServiceModel.Tests.Contracts;

public sealed class WcfNamingTests
{
    [Theory]
    [InlineData("http://example.com/calculator", "CalculatorService", "Add", "http://example.com/calculator/CalculatorService/Add")]
    [InlineData("http://tempuri.org/", "ICalculator", "Add", "http://tempuri.org/ICalculator/Add")]
    [InlineData("urn:calc", "Calc", "Add", "urn:calc/Calc/Add")]
    public void DefaultAction_JoinsWithOneSlash(string ns, string contract, string operation, string expected)
        => Assert.Equal(expected, WcfNaming.DefaultAction(ns, contract, operation));

    [Fact]
    public void Read_DefaultsAndSyncAsyncPair_WcfNamesOneOperation()
    {
        var reader = new ServiceContractReader();

        var service = reader.Read(typeof(IDefaults), new TypeModel(reader.NamespaceOf(typeof(IDefaults))));

        Assert.Equal("IDefaults", service.Name);
        Assert.Equal("http://tempuri.org/", service.Namespace);
        var operation = Assert.Single(service.Operations);
        Assert.Equal("Echo", operation.Name);
        Assert.Equal("http://tempuri.org/IDefaults/Echo", operation.Action);
        Assert.Equal(nameof(IDefaults.Echo), operation.Method.Name);
    }

    [ServiceContract]
    public interface IDefaults
    {
        [OperationContract]
        string Echo(string text);

        [OperationContract]
        Task<string> EchoAsync(string text);
    }
}
