using Xunit.Abstractions;
using Xunit.Sdk;

namespace SoapMiddleware.Hangfire.Tests.Infrastructure;

/// <summary>A test case that skips itself when its class needs a server that is not configured.</summary>
public sealed class EngineTestCase : XunitTestCase
{
    [Obsolete("Called by the de-serializer; should only be called by deriving classes for de-serialization purposes")]
    public EngineTestCase()
    {
    }

    public EngineTestCase(IMessageSink sink, TestMethodDisplay display, TestMethodDisplayOptions options, ITestMethod testMethod)
        : base(sink, display, options, testMethod)
    {
    }

    protected override string GetSkipReason(IAttributeInfo factAttribute)
    {
        foreach (var requirement in TestMethod.TestClass.Class.GetCustomAttributes(typeof(RequiresEnvironmentAttribute)))
        {
            var variable = requirement.GetConstructorArguments().First() as string;
            if (Environment.GetEnvironmentVariable(variable!) is not { Length: > 0 })
            {
                return (string)requirement.GetConstructorArguments().Skip(1).First();
            }
        }

        return base.GetSkipReason(factAttribute);
    }
}
