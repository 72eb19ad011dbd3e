namespace SoapMiddleware.Queue.Tests.Storage;

/// <summary>A theory that is skipped, with the reason, when no PostgreSQL server is configured.</summary>
public sealed class PostgreSqlTheoryAttribute : TheoryAttribute
{
    public PostgreSqlTheoryAttribute()
    {
        if (PostgreSqlTestEnvironment.ConnectionString is null)
        {
            Skip = PostgreSqlTestEnvironment.SkipReason;
        }
    }
}
