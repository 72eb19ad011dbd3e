using System.Xml.Linq;

namespace SoapMiddleware.Client.Wsdl.Reading;

/// <summary>An operation of a <c>wsdl:binding</c>, as written.</summary>
internal sealed record BindingOperation(
    string Name,
    string? Action,
    OperationStyle? Style,
    BindingMessage? Input,
    BindingMessage? Output,
    IReadOnlyDictionary<string, BodyUse> FaultUses,
    XElement Element);
