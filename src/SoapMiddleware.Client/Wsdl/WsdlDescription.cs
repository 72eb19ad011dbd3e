using SoapMiddleware.Client.Wsdl.Schema;

namespace SoapMiddleware.Client.Wsdl;

/// <summary>
/// What a WSDL 1.1 document (and everything it imports) describes: its services with their ports and operations, the
/// schema set of its types, and what the importer could not use. Immutable; safe to share across threads.
/// </summary>
public sealed class WsdlDescription
{
    /// <summary>The URI of the main document.</summary>
    public required Uri Location { get; init; }

    /// <summary>The main document's <c>targetNamespace</c> (empty when it has none).</summary>
    public required string TargetNamespace { get; init; }

    /// <summary>The services, in document order.</summary>
    public required IReadOnlyList<WsdlService> Services { get; init; }

    /// <summary>Every type, element, attribute and group of the embedded and imported schemas.</summary>
    public required XsdSchemaSet Schemas { get; init; }

    /// <summary>Every document read: the main one first, then the imports in the order they were read.</summary>
    public required IReadOnlyList<Uri> Documents { get; init; }

    /// <summary>Constructs the importer skipped or could not resolve, each with its location; the rest still works.</summary>
    public required IReadOnlyList<WsdlWarning> Warnings { get; init; }
}
