namespace SoapMiddleware.Queue.Tests.MultiProcess;

/// <summary>
/// Tests that start sample-app processes and time what they see: they run alone, after the parallel tests, so a
/// 2-core machine busy with other tests does not starve the processes they measure.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MultiProcessCollection
{
    public const string Name = "Sample-app processes";
}
