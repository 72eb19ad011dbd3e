namespace SoapMiddleware.Tests.Infrastructure;

/// <summary>Tests in this collection share one running sample app.</summary>
[CollectionDefinition(Name)]
public sealed class SampleAppCollection : ICollectionFixture<SampleAppServer>
{
    public const string Name = "Sample app";
}
