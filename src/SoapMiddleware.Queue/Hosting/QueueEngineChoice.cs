using SoapMiddleware.Queue.Engine;
using SoapMiddleware.Queue.Storage;

namespace SoapMiddleware.Queue;

/// <summary>
/// The engine and storage the queue builder chose, decided once and read when the container first resolves them:
/// <c>AddQueue</c> registers <see cref="IQueueEngine"/> and <see cref="IQueueStorage"/> once, as factories over this, so
/// choosing another engine or storage replaces nothing in the service collection. One per service collection.
/// </summary>
internal sealed class QueueEngineChoice
{
    /// <summary>Creates the engine; <see langword="null"/> for the built-in engine.</summary>
    public Func<IServiceProvider, IQueueEngine>? Engine { get; set; }

    /// <summary>Creates the built-in engine's storage; <see langword="null"/> for the SQLite file next to the application.</summary>
    public Func<IServiceProvider, IQueueStorage>? Storage { get; set; }
}
