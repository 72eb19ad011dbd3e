using Xunit.Abstractions;
using Xunit.Sdk;

namespace SoapMiddleware.Queue.Tests.Storage;

/// <summary>Discovers <see cref="StorageFactAttribute"/> tests as <see cref="StorageTestCase"/>s.</summary>
public sealed class StorageFactDiscoverer(IMessageSink diagnosticMessageSink) : FactDiscoverer(diagnosticMessageSink)
{
    protected override IXunitTestCase CreateTestCase(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute) =>
        new StorageTestCase(DiagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(), discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod);
}
