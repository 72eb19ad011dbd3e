namespace SoapMiddleware.Client.Tests.Infrastructure;

/// <summary>Tests that assert processor time run alone, after the parallel ones, so the process's time is theirs.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TimingCollection
{
    public const string Name = "Timing";
}
