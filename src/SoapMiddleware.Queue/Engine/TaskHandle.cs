using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;

namespace SoapMiddleware.Queue.Engine;

/// <summary>
/// A task's public handle: <c>{engine id}-{secret}</c>, where the secret is 128 random bits in hex stored with the task.
/// Knowing an engine id (sequential on every storage) is not enough: the secret must match, compared in constant time.
/// </summary>
public static class TaskHandle
{
    /// <summary>Length of the secret: 32 hex digits, 128 bits.</summary>
    public const int SecretLength = 32;

    /// <summary>A new secret from the OS's cryptographic generator.</summary>
    public static string NewSecret() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(SecretLength / 2));

    /// <summary>The handle of the task <paramref name="engineId"/> whose secret is <paramref name="secret"/>.</summary>
    public static string Format(string engineId, string secret) => engineId + "-" + secret;

    /// <summary>The handle of a task with a numeric engine id (a storage row id).</summary>
    public static string Format(long engineId, string secret) => Format(engineId.ToString(System.Globalization.CultureInfo.InvariantCulture), secret);

    /// <summary>Splits a handle; false for anything that is not an engine id followed by a well-formed secret.</summary>
    public static bool TryParse(string? handle, [NotNullWhen(true)] out string? engineId, [NotNullWhen(true)] out string? secret)
    {
        engineId = secret = null;
        if (handle is null || handle.Length < SecretLength + 2 || handle.Length > 200 || handle[^(SecretLength + 1)] != '-')
        {
            return false;
        }

        var candidate = handle[^SecretLength..];
        foreach (var c in candidate)
        {
            if (!char.IsAsciiHexDigitLower(c))
            {
                return false;
            }
        }

        engineId = handle[..^(SecretLength + 1)];
        secret = candidate;
        return true;
    }

    /// <summary>Splits a handle whose engine id is a positive number (the built-in engine's row id).</summary>
    public static bool TryParse(string? handle, out long engineId, [NotNullWhen(true)] out string? secret)
    {
        engineId = 0;
        return TryParse(handle, out string? id, out secret)
            && long.TryParse(id, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out engineId)
            && engineId > 0;
    }

    /// <summary>Compares a presented secret with the stored one in constant time.</summary>
    public static bool SecretMatches(string presented, string? stored)
        => stored is not null
            && stored.Length == presented.Length
            && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(presented), Encoding.ASCII.GetBytes(stored));
}
