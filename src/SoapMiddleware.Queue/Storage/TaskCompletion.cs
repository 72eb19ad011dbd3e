namespace SoapMiddleware.Queue.Storage;

/// <summary>A successful outcome to record with <see cref="ITaskQueue.CompleteAsync"/>.</summary>
/// <param name="Id">The task id.</param>
/// <param name="WorkerId">The worker that holds the task; the completion is ignored if another does.</param>
/// <param name="Result">The response bytes, or <see langword="null"/> for a one-way call.</param>
/// <param name="ResultContentType">The content type of <paramref name="Result"/>.</param>
public readonly record struct TaskCompletion(long Id, string WorkerId, byte[]? Result, string? ResultContentType);
