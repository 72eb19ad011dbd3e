namespace SoapMiddleware.Queue;

/// <summary>
/// The queue engine could not reach its storage; nothing was stored. The HTTP enqueue endpoint answers it with
/// <c>503 Service Unavailable</c> and <c>Retry-After</c>.
/// </summary>
public sealed class QueueUnavailableException : Exception
{
    /// <summary>Creates the exception, naming the engine and storage in <paramref name="message"/>.</summary>
    public QueueUnavailableException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
