using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace SoapMiddleware.Queue.PostgreSql;

/// <summary>
/// The schema of one queue's tables: its name checked against PostgreSQL's identifier rules, quoted for statements, and
/// the <c>NOTIFY</c> channel of that queue.
/// </summary>
internal sealed class PostgreSqlSchemaName
{
    private const int MaxIdentifierBytes = 63;

    // Kept for the public schema so that processes of an earlier version, which know only this channel, still wake.
    private const string PublicChannel = "soapmw_queue";

    private PostgreSqlSchemaName(string name)
    {
        Name = name;
        Quoted = $"\"{name}\"";
        var channel = PublicChannel + "_" + name;
        Channel = name == "public" ? PublicChannel
            : Encoding.UTF8.GetByteCount(channel) <= MaxIdentifierBytes ? channel
            : PublicChannel + "_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(name)))[..32];
    }

    /// <summary>The schema's name, as stored by PostgreSQL.</summary>
    public string Name { get; }

    /// <summary>The name quoted for statements (<c>"rpc"</c>): validated, so it needs no escaping.</summary>
    public string Quoted { get; }

    /// <summary>The channel enqueues notify and idle workers listen on; an identifier too, so it is safe to quote or embed.</summary>
    public string Channel { get; }

    /// <summary>
    /// The schema <paramref name="schema"/> names, or when it is null or empty (an appsettings placeholder) the first
    /// schema of the connection string's search path (an unquoted one folded to lower case, as PostgreSQL does), else
    /// <c>public</c>.
    /// </summary>
    /// <exception cref="ArgumentException">The name breaks PostgreSQL's identifier rules; the message says which.</exception>
    public static PostgreSqlSchemaName Resolve(string? schema, string connectionString)
    {
        var name = string.IsNullOrEmpty(schema) ? FirstOfSearchPath(connectionString) ?? "public" : schema;
        return Problem(name) is { } problem
            ? throw new ArgumentException($"The queue's PostgreSQL schema '{name}' is not a usable schema name: {problem}.", nameof(schema))
            : new PostgreSqlSchemaName(name);
    }

    /// <summary>Why <paramref name="name"/> is not a usable schema name, or null when it is.</summary>
    public static string? Problem(string name)
    {
        if (name.Length == 0)
        {
            return "it is empty";
        }

        if (Encoding.UTF8.GetByteCount(name) > MaxIdentifierBytes)
        {
            return $"it is longer than {MaxIdentifierBytes} bytes";
        }

        if (!(char.IsLetter(name[0]) || name[0] == '_') || !name.All(c => char.IsLetterOrDigit(c) || c is '_' or '$'))
        {
            return "use a letter or underscore, then letters, digits, underscores or $";
        }

        return name.StartsWith("pg_", StringComparison.OrdinalIgnoreCase) ? "names starting with pg_ are reserved for PostgreSQL" : null;
    }

    private static string? FirstOfSearchPath(string connectionString)
    {
        // "$user" names a schema only where one is named after the user: skipped, as the tables were never meant there.
        var entries = new NpgsqlConnectionStringBuilder(connectionString).SearchPath?.Split(',') ?? [];
        return entries.Select(e => e.Trim()).Where(e => e.Length > 0 && e.Trim('"') != "$user")
            .Select(e => e is ['"', .. var quoted, '"'] ? quoted : e.ToLowerInvariant())
            .FirstOrDefault();
    }
}
