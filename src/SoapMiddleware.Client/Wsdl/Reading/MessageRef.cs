using System.Xml;

namespace SoapMiddleware.Client.Wsdl.Reading;

/// <summary>A port type operation's input or output: the message and the optional name that tells overloads apart.</summary>
internal sealed record MessageRef(XmlQualifiedName Message, string? Name);
