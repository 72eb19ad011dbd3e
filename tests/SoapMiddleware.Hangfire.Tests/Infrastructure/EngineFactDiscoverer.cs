using Xunit.Abstractions;
using Xunit.Sdk;

namespace SoapMiddleware.Hangfire.Tests.Infrastructure;

/// <summary>Discovers <see cref="EngineFactAttribute"/> tests as <see cref="EngineTestCase"/>s.</summary>
public sealed class EngineFactDiscoverer(IMessageSink diagnosticMessageSink) : FactDiscoverer(diagnosticMessageSink)
{
    protected override IXunitTestCase CreateTestCase(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute) =>
        new EngineTestCase(DiagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(), discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod);
}
