namespace SoapMiddleware.Description;

/// <summary>How a SOAP body's parts are written (WSDL <c>soap:body/@use</c>).</summary>
public enum RpcBodyUse
{
    /// <summary>As the schema declares them.</summary>
    Literal,

    /// <summary>With the SOAP encoding rules (<c>xsi:type</c>, soapenc arrays).</summary>
    Encoded,
}
