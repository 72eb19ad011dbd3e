namespace SoapMiddleware.Client.Wsdl.Reading;

/// <summary>What a schema's components are read against: its document, target namespace and form defaults.</summary>
internal readonly record struct SchemaContext(Uri Document, string TargetNamespace, bool QualifiedElements, bool QualifiedAttributes);
