using SoapMiddleware.Description;
using SoapMiddleware.Model;
using SoapMiddleware.ServiceModel.Contracts;

namespace SoapMiddleware.ServiceModel.Tests.Contracts;

/// <summary>
/// Reads a contract into a type model the test holds, so it can look at the types the reader described: the reader
/// takes the public <see cref="ServiceContractContext"/>, which wraps the model.
/// </summary>
internal static class ServiceContractReaderExtensions
{
    public static RpcServiceDescription Read(this ServiceContractReader reader, Type contract, TypeModel model)
        => reader.Read(contract, new ServiceContractContext(model));
}
