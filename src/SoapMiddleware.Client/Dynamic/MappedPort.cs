using SoapMiddleware.Client.Wsdl;
using SoapMiddleware.Description;

namespace SoapMiddleware.Client.Dynamic;

/// <summary>The description of one port, the port and its service, and every warning of the import and the mapping.</summary>
internal sealed record MappedPort(RpcDescription Description, WsdlService Service, WsdlPort Port, IReadOnlyList<WsdlWarning> Warnings)
{
    /// <summary>The protocol name the port speaks: <c>soap12</c> or <c>soap11</c>.</summary>
    public string Protocol => Port.Protocol == WsdlBindingProtocol.Soap12 ? "soap12" : "soap11";
}
