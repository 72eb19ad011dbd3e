namespace SoapMiddleware.Docs.Tests;

/// <summary>
/// One collection for the whole assembly: its tests build projects and start processes, and on a 2-core machine
/// running them one at a time is faster and steadier than running them together.
/// </summary>
[CollectionDefinition(Name)]
public sealed class DocsCollection
{
    /// <summary>The collection's name.</summary>
    public const string Name = "Docs";
}
