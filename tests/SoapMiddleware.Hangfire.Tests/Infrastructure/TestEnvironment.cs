namespace SoapMiddleware.Hangfire.Tests.Infrastructure;

/// <summary>The real servers the tests may use, named by environment variables.</summary>
public static class TestEnvironment
{
    public const string PostgreSqlVariable = "SOAPMW_PG_CONNECTION";
    public const string PostgreSqlSkip = "SOAPMW_PG_CONNECTION not set: run ./test.sh, or export SOAPMW_PG_CONNECTION=$(eng/postgres.sh start)";
    public const string SqlServerVariable = "SOAPMW_SQLSERVER_CONNECTION";
    public const string SqlServerSkip = "SOAPMW_SQLSERVER_CONNECTION not set: set it to a SQL Server connection string to run the Hangfire.SqlServer test";

    public static string? PostgreSql => Get(PostgreSqlVariable);

    public static string? SqlServer => Get(SqlServerVariable);

    private static string? Get(string variable) => Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value ? value : null;
}
