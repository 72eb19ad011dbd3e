using System.Xml;

namespace SoapMiddleware.Client.Wsdl.Reading;

/// <summary>A binding operation's input or output: its <c>soap:body</c> and <c>soap:header</c>s, as written.</summary>
internal sealed record BindingMessage(
    string? Name,
    BodyUse Use,
    string? Namespace,
    IReadOnlyList<string>? Parts,
    IReadOnlyList<(XmlQualifiedName Message, string Part, bool Required)> Headers);
