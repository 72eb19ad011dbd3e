namespace SoapMiddleware.Hangfire.Tests.Infrastructure;

/// <summary>Tests that change Hangfire's process-wide configuration: run alone, after the parallel ones.</summary>
[CollectionDefinition(nameof(ProcessWideHangfireCollection), DisableParallelization = true)]
public sealed class ProcessWideHangfireCollection;
