namespace SoapMiddleware.Client.Wsdl;

/// <summary>
/// The WSDL could not be imported: the main document cannot be read or is not a WSDL, a document is hostile (a DTD),
/// or a limit of <see cref="WsdlImportOptions"/> was exceeded. The message says which, and where.
/// </summary>
public sealed class WsdlImportException : Exception
{
    /// <summary>An import failure with its reason.</summary>
    public WsdlImportException(string message)
        : base(message)
    {
    }

    /// <summary>An import failure with its reason and the error that caused it.</summary>
    public WsdlImportException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
