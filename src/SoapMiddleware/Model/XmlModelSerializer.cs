using System.Xml.Linq;

namespace SoapMiddleware.Model;

/// <summary>Reads and writes values of the type model as XML, with delegates compiled once per type.</summary>
internal sealed class XmlModelSerializer(TypeModel model)
{
    public TypeModel Model { get; } = model;

    /// <summary>Reads a wrapper element's parts; a validation error is a Client <see cref="RpcFault"/> naming the element and the rule.</summary>
    public object?[] ReadMessage(XElement wrapper, RpcMessage message) => throw new NotImplementedException();

    public XElement WriteMessage(RpcMessage message, object?[] values) => throw new NotImplementedException();

    public object? ReadValue(XElement element, RpcType type) => throw new NotImplementedException();

    public XElement WriteValue(XName name, RpcType type, object? value) => throw new NotImplementedException();
}
