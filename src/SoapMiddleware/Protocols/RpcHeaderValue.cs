namespace SoapMiddleware.Protocols;

/// <summary>
/// The value of a SOAP header named by its element, for an operation whose headers a schema declares (a client built
/// from a WSDL: <see cref="Description.Schema.SchemaOperation.RequestHeaders"/>): written as the declared element, of
/// the declared type (a complex value as an anonymous object, a dictionary or an <see cref="Description.RpcRecord"/>).
/// Give it as one of a call's SOAP headers, as an <see cref="System.Xml.Linq.XElement"/> is given.
/// </summary>
public sealed class RpcHeaderValue
{
    /// <summary>A header value.</summary>
    /// <param name="name">The header element's local name (matched exactly, then ignoring case).</param>
    /// <param name="value">The value; null is written as <c>xsi:nil</c>.</param>
    public RpcHeaderValue(string name, object? value)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        Name = name;
        Value = value;
    }

    /// <summary>The header element's local name.</summary>
    public string Name { get; }

    /// <summary>The value.</summary>
    public object? Value { get; }
}
