using System.Xml.Linq;
using SoapMiddleware.Client.Calls;
using SoapMiddleware.Protocols;

namespace SoapMiddleware.Client.Dynamic;

/// <summary>
/// Refuses, before anything is sent, a call of an operation built from a WSDL that lacks a SOAP header the WSDL marks
/// required (<c>wsdl:required="true"</c>), naming the header and how to give it.
/// </summary>
internal static class RequiredHeaders
{
    public static void ThrowIfMissing(RpcCallContext context)
    {
        if (context.HeaderProtocol is null || context.Operation.Schema is not { RequestHeaders.Count: > 0 } schema)
        {
            return; // a protocol without headers refuses headers on its own
        }

        foreach (var header in schema.RequestHeaders)
        {
            if (!header.IsOptional && !context.SoapHeaders.Any(given => Names(given, header.Name)))
            {
                throw new ArgumentException(
                    $"The operation '{context.Operation.Name}' needs the SOAP header '{header.Name.LocalName}' ({header.Name.NamespaceName}), which its WSDL marks required: "
                    + $"add new RpcHeaderValue(\"{header.Name.LocalName}\", value) to RpcCallScope.SoapHeaders (or to RpcCallContext.SoapHeaders in a method_call listener).");
            }
        }
    }

    private static bool Names(object given, XName name) => given switch
    {
        RpcHeaderValue value => string.Equals(value.Name, name.LocalName, StringComparison.OrdinalIgnoreCase),
        XElement element => element.Name.LocalName == name.LocalName,
        _ => false,
    };
}
