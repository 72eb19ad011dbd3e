using System.Xml.Linq;
using SoapMiddleware.Model;

namespace SoapMiddleware.Description;

/// <summary>A typed SOAP header declared on an operation or its service.</summary>
internal sealed record OperationHeader(XName Element, RpcType Type, RpcHeaderDirection Direction, bool Required)
{
    public bool IsIn => Direction is RpcHeaderDirection.In or RpcHeaderDirection.InOut;

    public bool IsOut => Direction is RpcHeaderDirection.Out or RpcHeaderDirection.InOut;
}
