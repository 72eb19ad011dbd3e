using Microsoft.Data.Sqlite;

namespace SoapMiddleware.Queue.Storage.Sqlite;

/// <summary>Parameter shorthand: <see langword="null"/> becomes <see cref="DBNull"/>.</summary>
internal static class SqliteCommandExtensions
{
    public static SqliteCommand With(this SqliteCommand command, string name, object? value)
    {
        command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return command;
    }
}
