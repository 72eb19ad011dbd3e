namespace SoapMiddleware.Queue.Tests.Storage;

/// <summary>Where the PostgreSQL tests find their server: the <c>SOAPMW_PG_CONNECTION</c> environment variable.</summary>
public static class PostgreSqlTestEnvironment
{
    public const string SkipReason = "SOAPMW_PG_CONNECTION not set: run ./test.sh, which starts a throwaway PostgreSQL";

    public static string? ConnectionString =>
        Environment.GetEnvironmentVariable("SOAPMW_PG_CONNECTION") is { Length: > 0 } value ? value : null;
}
