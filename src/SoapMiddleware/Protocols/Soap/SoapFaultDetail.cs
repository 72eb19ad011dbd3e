using System.Xml.Linq;

using SoapMiddleware.Description;

namespace SoapMiddleware.Protocols.Soap;

/// <summary>
/// The content of a fault's detail: the typed detail of a <see cref="RpcFault{TDetail}"/>, or, only when the
/// development option asks for it, the unhandled exception's type, message and stack trace (made safe for XML: an
/// exception's message may quote the request's own bytes).
/// </summary>
internal static class SoapFaultDetail
{
    public static XElement? Create(RpcDescription description, RpcFault fault, Exception? error, bool includeExceptionDetails)
    {
        XNamespace ns = description.Namespace;
        if (fault.DetailType is { } detailType)
        {
            var type = description.Model.GetType(detailType);
            return description.Serializer.WriteValue(Model.XmlNames.ElementNamespaceOf(type, description.Namespace) + type.ItemName, type, fault.Detail);
        }

        var exception = error is RpcFault ? error.InnerException : error;
        if (!includeExceptionDetails || exception is null)
        {
            return null;
        }

        return new XElement(
            ns + "ExceptionDetail",
            new XElement(ns + "Type", exception.GetType().FullName),
            new XElement(ns + "Message", EchoedText.XmlSafe(exception.Message)),
            new XElement(ns + "StackTrace", EchoedText.XmlSafe(exception.ToString())));
    }
}
