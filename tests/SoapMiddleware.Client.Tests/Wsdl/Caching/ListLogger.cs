using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using SoapMiddleware.Client.Wsdl.Caching;

namespace SoapMiddleware.Client.Tests.Wsdl.Caching;

/// <summary>Keeps what the cache logs (event id and message), for tests that check a skipped entry was reported.</summary>
internal sealed class ListLogger : ILogger<WsdlDescriptionCache>
{
    public ConcurrentQueue<(int EventId, LogLevel Level, string Message)> Entries { get; } = new();

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        => Entries.Enqueue((eventId.Id, logLevel, formatter(state, exception)));
}
