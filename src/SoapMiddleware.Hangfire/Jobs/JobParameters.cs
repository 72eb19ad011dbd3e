using System.Globalization;
using System.Text;
using System.Text.Json;

namespace SoapMiddleware.Hangfire;

/// <summary>
/// The job parameters the engine stores with each job, and how their values are written. Values written through
/// Hangfire's client are JSON (a string is quoted); values written by the engine itself while a job runs are plain text
/// or plain JSON, never CLR type names, so a rename can never break a stored job. Hangfire's own job page lists them.
/// </summary>
internal static class JobParameters
{
    /// <summary>The handle's secret: the job id alone never names a task.</summary>
    public const string Secret = "soapmw-secret";

    /// <summary>The W3C <c>traceparent</c> of the enqueuing activity: the parent of the worker's activity.</summary>
    public const string TraceParent = "soapmw-traceparent";

    /// <summary>Who enqueued the call (<c>QueuedCall.EnqueuedBy</c>): the queued run and the management API read it.</summary>
    public const string EnqueuedBy = "soapmw-enqueued-by";

    /// <summary>The idempotency key the call was enqueued with.</summary>
    public const string IdempotencyKey = "soapmw-idempotency-key";

    /// <summary>Progress as plain JSON: <c>{"percent":50,"message":"half way"}</c>.</summary>
    public const string Progress = "soapmw-progress";

    /// <summary>The fault bytes of the last failed attempt, as text.</summary>
    public const string Fault = "soapmw-fault";

    /// <summary>"true" when <see cref="Fault"/> is base64 (the fault was not UTF-8).</summary>
    public const string FaultBase64 = "soapmw-fault-base64";

    /// <summary>"true" when the Succeeded state's result is base64 (the response was not UTF-8).</summary>
    public const string ResultBase64 = "soapmw-result-base64";

    /// <summary>The content type of the result or of the fault.</summary>
    public const string ResultType = "soapmw-result-type";

    /// <summary>Hangfire's own count of retries done (AutomaticRetryAttribute writes it).</summary>
    public const string RetryCountName = "RetryCount";

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>A parameter's text: JSON strings (as Hangfire's client writes them) unquoted, plain text as is, empty as null.</summary>
    public static string? Text(string? raw)
    {
        if (string.IsNullOrEmpty(raw) || raw == "null")
        {
            return null;
        }

        if (raw[0] == '"')
        {
            try
            {
                return JsonSerializer.Deserialize<string>(raw);
            }
            catch (JsonException)
            {
                return raw;
            }
        }

        return raw;
    }

    /// <summary>A parameter's text from a job's parameter dictionary (a snapshot or the monitoring API's properties).</summary>
    public static string? Text(IReadOnlyDictionary<string, string>? parameters, string name)
        => parameters is not null && parameters.TryGetValue(name, out var raw) ? Text(raw) : null;

    /// <summary>A parameter's text from the monitoring API's properties.</summary>
    public static string? Text(IDictionary<string, string>? parameters, string name)
        => parameters is not null && parameters.TryGetValue(name, out var raw) ? Text(raw) : null;

    /// <summary>Hangfire's retry count (0 when absent).</summary>
    public static int RetryCount(string? raw)
        => int.TryParse(Text(raw), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : 0;

    public static bool IsTrue(string? raw) => Text(raw) == "true";

    /// <summary>Response or fault bytes as a parameter or result: UTF-8 text when they are (SOAP and JSON are), else base64.</summary>
    public static (string Text, bool Base64) EncodeBytes(byte[] bytes)
    {
        try
        {
            return (StrictUtf8.GetString(bytes), false);
        }
        catch (DecoderFallbackException)
        {
            return (Convert.ToBase64String(bytes), true);
        }
    }

    public static byte[]? DecodeBytes(string? text, bool base64)
        => text is null ? null : base64 ? Convert.FromBase64String(text) : Encoding.UTF8.GetBytes(text);

    public static string EncodeProgress(int percent, string? message)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteNumber("percent", percent);
            if (message is null)
            {
                json.WriteNull("message");
            }
            else
            {
                json.WriteString("message", message);
            }

            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Reads <see cref="EncodeProgress"/>'s JSON; (null, null) when absent or not readable.</summary>
    public static (int? Percent, string? Message) DecodeProgress(string? raw)
    {
        if (string.IsNullOrEmpty(raw) || raw[0] != '{')
        {
            return (null, null);
        }

        try
        {
            using var document = JsonDocument.Parse(raw);
            var root = document.RootElement;
            int? percent = root.TryGetProperty("percent", out var p) && p.TryGetInt32(out var value) ? value : null;
            var message = root.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
            return (percent, message);
        }
        catch (JsonException)
        {
            return (null, null);
        }
    }
}
