namespace SoapMiddleware.Tool.Call;

/// <summary>What <c>soapmw call</c> was asked: the WSDL, the operation, its name=value words, and the choices.</summary>
internal sealed record CallRequest(string Location, string Operation, IReadOnlyList<string> Arguments, bool Xml, string? Service, string? Port, string? Address);
