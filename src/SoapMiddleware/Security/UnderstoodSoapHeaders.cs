using System.Xml.Linq;

namespace SoapMiddleware.Security;

/// <summary>
/// The request feature that names the SOAP header entries something before the endpoint processed (the WS-Security
/// handler, once it accepted the token): the SOAP protocol counts them as understood for <c>mustUnderstand</c>.
/// </summary>
internal sealed class UnderstoodSoapHeaders
{
    public HashSet<XName> Names { get; } = [];
}
