using Npgsql;
using NpgsqlTypes;

namespace SoapMiddleware.Queue.PostgreSql;

/// <summary>Parameter shorthand: <see langword="null"/> becomes <see cref="DBNull"/>, typed so PostgreSQL infers nothing.</summary>
internal static class NpgsqlCommandExtensions
{
    public static NpgsqlCommand With(this NpgsqlCommand command, string name, NpgsqlDbType type, object? value)
    {
        command.Parameters.Add(new NpgsqlParameter(name, type) { Value = value ?? DBNull.Value });
        return command;
    }

    public static NpgsqlCommand With(this NpgsqlCommand command, string name, long value) => command.With(name, NpgsqlDbType.Bigint, value);

    public static NpgsqlCommand With(this NpgsqlCommand command, string name, string? value) => command.With(name, NpgsqlDbType.Text, value);
}
