using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace SoapMiddleware.Queue.Http;

/// <summary>
/// What an anonymous client may ask of the HTTP enqueue endpoint: only the queues this app's workers consume (others
/// would be stored and never run), a delay up to <see cref="RpcQueueOptions.MaxDelay"/>, and a bounded idempotency key.
/// Anything else is a 400 naming the problem, before anything is stored.
/// </summary>
internal static class EnqueueRequestCheck
{
    /// <summary>The longest idempotency key kept.</summary>
    public const int MaxIdempotencyKeyLength = 200;

    public static IResult? Refusal(HttpRequest request, RpcQueueOptions options, out EnqueueOptions enqueue)
    {
        enqueue = new EnqueueOptions();
        var queue = request.Query["queue"].FirstOrDefault();
        if (queue is not null)
        {
            var allowed = options.Queues.Concat(options.Subscriptions.Select(s => s.Queue)).Distinct(StringComparer.Ordinal).ToList();
            if (!allowed.Contains(queue, StringComparer.Ordinal))
            {
                return Problem($"Unknown queue '{EchoedText.Cap(queue)}'; this endpoint accepts {string.Join(", ", allowed.Select(q => $"'{q}'"))}.");
            }
        }

        TimeSpan? delay = null;
        if (request.Query["delaySeconds"].FirstOrDefault() is { } text)
        {
            if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
            {
                return Problem($"delaySeconds must be a whole number of seconds from 0 to {(long)options.MaxDelay.TotalSeconds}; got '{EchoedText.Cap(text)}'.");
            }

            if (seconds > options.MaxDelay.TotalSeconds)
            {
                return Problem($"delaySeconds {seconds} is more than the maximum delay of {(long)options.MaxDelay.TotalSeconds} seconds ({options.MaxDelay}).");
            }

            delay = seconds > 0 ? TimeSpan.FromSeconds(seconds) : null;
        }

        var key = request.Headers["Idempotency-Key"].FirstOrDefault();
        if (key is not null && (key.Length == 0 || key.Length > MaxIdempotencyKeyLength))
        {
            return Problem($"The Idempotency-Key header must be 1 to {MaxIdempotencyKeyLength} characters long.");
        }

        // The key is stored, listed and shown on the dashboard: control characters (and anything outside printable
        // ASCII, which a header cannot carry as such) would only smuggle line breaks or escapes into those.
        if (key is not null && key.AsSpan().ContainsAnyExceptInRange(' ', '~'))
        {
            return Problem("The Idempotency-Key header must be printable ASCII (no control characters).");
        }

        enqueue = new EnqueueOptions { Queue = queue, Delay = delay, IdempotencyKey = key };
        return null;
    }

    private static IResult Problem(string detail) => Results.Problem(detail, statusCode: StatusCodes.Status400BadRequest, title: "Bad enqueue request");
}
