using System.Xml.Linq;

namespace SoapMiddleware.Client.Wsdl.Reading;

/// <summary>One document read for an import: where it came from, its tree (with line information) and the SHA-256 of its bytes.</summary>
internal sealed record LoadedDocument(Uri Location, XDocument Document, byte[] Hash);
