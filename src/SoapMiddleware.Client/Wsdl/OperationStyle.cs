namespace SoapMiddleware.Client.Wsdl;

/// <summary>The SOAP binding style of an operation.</summary>
public enum OperationStyle
{
    /// <summary>The body holds the parts' elements as they are.</summary>
    Document,

    /// <summary>The body holds one element named after the operation, with one child per part.</summary>
    Rpc,
}
