namespace SoapMiddleware.Description;

/// <summary>How a SOAP body carries an operation's message (WSDL <c>soap:binding/@style</c>, <c>soap:operation/@style</c>).</summary>
public enum RpcBindingStyle
{
    /// <summary>The body holds the message's part elements as the schema declares them (document/literal wrapped or bare).</summary>
    Document,

    /// <summary>The body holds an element named after the operation, with one child per part.</summary>
    Rpc,
}
