namespace SoapMiddleware.Xml;

/// <summary>
/// <see cref="Utf8XmlPullReader"/> met something outside the plain subset it reads (or something wrong): the caller
/// reads the request again with <see cref="GuardedXmlReader"/>, which accepts exactly what it should and says why
/// it refuses the rest. Never leaves the request reader.
/// </summary>
internal sealed class XmlFastPathException() : Exception("The fast XML reader does not take this request.");
