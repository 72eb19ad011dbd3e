namespace SoapMiddleware.Client.Wsdl.Reading;

/// <summary>
/// A hostile document (a DTD, nesting past the limit) or a limit of <see cref="WsdlImportOptions"/> exceeded: fails the
/// whole import even when it happens in an imported document, where a plain read error is only a warning.
/// </summary>
internal sealed class FatalImportException(string message) : Exception(message);
