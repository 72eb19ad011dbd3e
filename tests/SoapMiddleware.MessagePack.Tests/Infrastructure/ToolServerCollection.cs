namespace SoapMiddleware.MessagePack.Tests.Infrastructure;

/// <summary>The test classes share one <see cref="ToolServer"/>: one start, one queue database.</summary>
[CollectionDefinition(Name)]
public sealed class ToolServerCollection : ICollectionFixture<ToolServer>
{
    public const string Name = "ToolServer";
}
