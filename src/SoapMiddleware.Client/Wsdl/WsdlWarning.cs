namespace SoapMiddleware.Client.Wsdl;

/// <summary>A construct the importer skipped or could not resolve, with where it is; the rest of the description works.</summary>
/// <param name="Message">What was skipped and why.</param>
/// <param name="Document">The document it is in.</param>
/// <param name="Line">Its line (1-based; 0 when unknown).</param>
/// <param name="Column">Its column (1-based; 0 when unknown).</param>
public sealed record WsdlWarning(string Message, Uri Document, int Line, int Column)
{
    /// <summary>The location then the message, as a compiler prints it: <c>file.wsdl(12,5): message</c>.</summary>
    public override string ToString() => $"{Document}({Line},{Column}): {Message}";
}
