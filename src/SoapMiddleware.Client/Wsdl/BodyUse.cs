namespace SoapMiddleware.Client.Wsdl;

/// <summary>How a message's parts are serialized (<c>soap:body use</c>).</summary>
public enum BodyUse
{
    /// <summary>The parts follow their schema exactly.</summary>
    Literal,

    /// <summary>SOAP section 5 encoding (<c>xsi:type</c>, soapenc arrays, multi-references).</summary>
    Encoded,
}
