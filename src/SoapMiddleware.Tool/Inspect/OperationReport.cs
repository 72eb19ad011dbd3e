using SoapMiddleware.Client.Wsdl;

namespace SoapMiddleware.Tool.Inspect;

/// <summary>An operation as printed: its parameters in and out, header parameters and faults.</summary>
internal sealed record OperationReport(
    WsdlOperation Operation,
    IReadOnlyList<Parameter> Input,
    IReadOnlyList<Parameter> Output,
    IReadOnlyList<Parameter> InputHeaders,
    IReadOnlyList<Parameter> Faults);
