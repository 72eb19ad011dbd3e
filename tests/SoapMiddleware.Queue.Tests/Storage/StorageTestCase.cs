using Xunit.Abstractions;
using Xunit.Sdk;

namespace SoapMiddleware.Queue.Tests.Storage;

/// <summary>A contract test case that skips itself when its class needs PostgreSQL and none is configured.</summary>
public sealed class StorageTestCase : XunitTestCase
{
    [Obsolete("Called by the de-serializer; should only be called by deriving classes for de-serialization purposes")]
    public StorageTestCase()
    {
    }

    public StorageTestCase(IMessageSink sink, TestMethodDisplay display, TestMethodDisplayOptions options, ITestMethod testMethod)
        : base(sink, display, options, testMethod)
    {
    }

    protected override string GetSkipReason(IAttributeInfo factAttribute)
    {
        var needsPostgreSql = TestMethod.TestClass.Class.GetCustomAttributes(typeof(RequiresPostgreSqlAttribute)).Any();
        return needsPostgreSql && PostgreSqlTestEnvironment.ConnectionString is null
            ? PostgreSqlTestEnvironment.SkipReason
            : base.GetSkipReason(factAttribute);
    }
}
