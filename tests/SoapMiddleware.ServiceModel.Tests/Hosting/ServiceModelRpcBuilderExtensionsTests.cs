using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using SoapMiddleware.ServiceModel.Tests.Contracts;

namespace SoapMiddleware.ServiceModel.Tests.Hosting;

public sealed class ServiceModelRpcBuilderExtensionsTests
{
    [Fact]
    public void AddService_ContractAndImplementation_JoinsTheDefaultApplicationInItsNamespace()
    {
        var builder = KestrelApp.CreateBuilder();
        builder.Services.AddKeyedSingleton<object>("keyed", new object()); // a keyed registration must not break the lookup
        builder.Services.AddRpc().AddService<IInventory, Inventory>();
        var provider = builder.Build().Services;

        var application = provider.GetRequiredService<RpcApplication>();

        Assert.Equal(Inventory.Namespace, application.Namespace);
        Assert.Equal("IInventory", application.Name);
        Assert.Equal(["GetItem", "Concat", "Check", "Fail", "Notify", "Ping"], application.Operations.Select(o => o.Name));
        Assert.IsType<Inventory>(provider.CreateScope().ServiceProvider.GetRequiredService<IInventory>());
    }

    [Fact]
    public void AddServiceContract_MappedAlone_NotInTheDefaultApplication()
    {
        var builder = KestrelApp.CreateBuilder();
        builder.Services.AddRpc().AddServiceContract<IInventory, Inventory>();
        var app = builder.Build();

        app.MapRpc<IInventory>("/Inventory.svc");

        var error = Assert.Throws<InvalidOperationException>(() => app.Services.GetRequiredService<RpcApplication>());
        Assert.Contains("No RPC services are registered", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddService_ContractBesideRpcServiceInAnotherNamespace_RefusedNamingBoth()
    {
        var builder = KestrelApp.CreateBuilder();
        builder.Services.AddRpc(o => o.Namespace = "urn:other").AddService<PlainService>().AddService<IInventory, Inventory>();
        var provider = builder.Build().Services;

        var error = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<RpcApplication>());

        Assert.Contains(Inventory.Namespace, error.Message, StringComparison.Ordinal);
        Assert.Contains("urn:other", error.Message, StringComparison.Ordinal);
        Assert.Contains("MapRpc<IInventory>", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddServiceContract_NotAServiceContract_Refused()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new ServiceCollection().AddRpc().AddServiceContract<IDisposable, Stream>());

        Assert.Contains("[ServiceContract]", error.Message, StringComparison.Ordinal);
    }

    [RpcService]
    public sealed class PlainService
    {
        [RpcMethod]
        public int Twice(int value) => value * 2;
    }
}
