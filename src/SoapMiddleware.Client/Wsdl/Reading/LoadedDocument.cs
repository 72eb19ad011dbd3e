using System.Xml.Linq;

namespace SoapMiddleware.Client.Wsdl.Reading;

/// <summary>One document read for an import: where it came from and its tree (with line information).</summary>
internal sealed record LoadedDocument(Uri Location, XDocument Document);
