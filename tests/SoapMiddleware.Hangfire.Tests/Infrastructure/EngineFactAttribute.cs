using Xunit.Sdk;

namespace SoapMiddleware.Hangfire.Tests.Infrastructure;

/// <summary>
/// A test declared once (in <c>HangfireEngineTests</c>) and run on each storage class; skipped, with the reason, in
/// classes marked <see cref="RequiresEnvironmentAttribute"/> whose variable is not set.
/// </summary>
[XunitTestCaseDiscoverer("SoapMiddleware.Hangfire.Tests.Infrastructure.EngineFactDiscoverer", "SoapMiddleware.Hangfire.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class EngineFactAttribute : FactAttribute;
