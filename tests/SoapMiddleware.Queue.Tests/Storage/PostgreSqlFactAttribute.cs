namespace SoapMiddleware.Queue.Tests.Storage;

/// <summary>A fact that is skipped, with the reason, when no PostgreSQL server is configured.</summary>
public sealed class PostgreSqlFactAttribute : FactAttribute
{
    public PostgreSqlFactAttribute()
    {
        if (PostgreSqlTestEnvironment.ConnectionString is null)
        {
            Skip = PostgreSqlTestEnvironment.SkipReason;
        }
    }
}
