using System.Text.Json;
using System.Text.RegularExpressions;

namespace SoapMiddleware.Docs.Tests.Curl;

/// <summary>
/// Compares an actual response body with the documented one. The document abbreviates, so: documented JSON must be a
/// subset of the actual JSON (every documented property present with an equal value; arrays element by element; a
/// string ending in <c>...</c> matches by prefix); any other documented text matches with <c>...</c> standing for
/// anything.
/// </summary>
public static class DocumentedBody
{
    /// <summary>Null when <paramref name="actual"/> matches <paramref name="documented"/>, else why not.</summary>
    public static string? Mismatch(string documented, string actual)
    {
        documented = documented.Trim();
        if (documented.StartsWith('{') || documented.StartsWith('['))
        {
            JsonElement actualJson;
            try
            {
                actualJson = JsonDocument.Parse(actual).RootElement;
            }
            catch (JsonException)
            {
                return $"documented JSON, got '{actual}'";
            }

            return JsonMismatch(JsonDocument.Parse(documented).RootElement, actualJson, "$");
        }

        var pattern = "^" + string.Join(".*", documented.Replace("…", "...").Split("...").Select(Regex.Escape)) + "$";
        return Regex.IsMatch(actual.Trim(), pattern, RegexOptions.Singleline) ? null : $"expected '{documented}', got '{actual}'";
    }

    private static string? JsonMismatch(JsonElement documented, JsonElement actual, string path)
    {
        switch (documented.ValueKind)
        {
            case JsonValueKind.Object:
                if (actual.ValueKind != JsonValueKind.Object)
                {
                    return $"{path}: expected an object, got {actual}";
                }

                foreach (var property in documented.EnumerateObject())
                {
                    if (!actual.TryGetProperty(property.Name, out var value))
                    {
                        return $"{path}.{property.Name} missing in {actual}";
                    }

                    if (JsonMismatch(property.Value, value, $"{path}.{property.Name}") is { } mismatch)
                    {
                        return mismatch;
                    }
                }

                return null;
            case JsonValueKind.Array:
                if (actual.ValueKind != JsonValueKind.Array || actual.GetArrayLength() != documented.GetArrayLength())
                {
                    return $"{path}: expected {documented}, got {actual}";
                }

                return documented.EnumerateArray().Zip(actual.EnumerateArray())
                    .Select((pair, i) => JsonMismatch(pair.First, pair.Second, $"{path}[{i}]"))
                    .FirstOrDefault(m => m is not null);
            case JsonValueKind.String when documented.GetString()!.EndsWith("...", StringComparison.Ordinal):
                return actual.ValueKind == JsonValueKind.String && actual.GetString()!.StartsWith(documented.GetString()![..^3], StringComparison.Ordinal)
                    ? null : $"{path}: expected {documented}, got {actual}";
            case JsonValueKind.Number:
                return actual.ValueKind == JsonValueKind.Number && actual.GetDecimal() == documented.GetDecimal()
                    ? null : $"{path}: expected {documented}, got {actual}";
            default:
                return documented.GetRawText() == actual.GetRawText() ? null : $"{path}: expected {documented}, got {actual}";
        }
    }
}
