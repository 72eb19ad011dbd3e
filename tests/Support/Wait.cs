using System.Diagnostics;
using SoapMiddleware.Queue;
using SoapMiddleware.Queue.Storage;

namespace SoapMiddleware.Tests.Support;

/// <summary>
/// The test projects' one way to wait for what background work (a worker, a queue, another process) makes true:
/// poll, and fail with a <see cref="TimeoutException"/> that says what was awaited and what was seen last.
/// </summary>
public static class Wait
{
    /// <summary>How long a wait lasts unless the test says otherwise.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(20);

    private static readonly TimeSpan DefaultPoll = TimeSpan.FromMilliseconds(50);

    /// <summary>Polls <paramref name="condition"/> until it holds.</summary>
    public static Task UntilAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null, TimeSpan? poll = null)
        => ForAsync(condition, holds => holds, what, timeout, poll);

    /// <summary>
    /// Like <see cref="UntilAsync"/> for a server that is still starting: a refused connection
    /// (<see cref="HttpRequestException"/>) counts as "not yet".
    /// </summary>
    public static Task UntilServingAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null, TimeSpan? poll = null)
        => ForServingAsync(condition, holds => holds, what, timeout, poll);

    /// <summary>Reads until the value satisfies <paramref name="condition"/>, and returns that value; reads at least once.</summary>
    public static async Task<T> ForAsync<T>(Func<Task<T>> read, Func<T, bool> condition, string what, TimeSpan? timeout = null, TimeSpan? poll = null)
    {
        var watch = Stopwatch.StartNew();
        while (true)
        {
            var last = await read();
            if (condition(last))
            {
                return last;
            }

            if (watch.Elapsed > (timeout ?? DefaultTimeout))
            {
                throw new TimeoutException($"Timed out after {watch.Elapsed} waiting for {what}; last seen: {last}.");
            }

            await Task.Delay(poll ?? DefaultPoll);
        }
    }

    /// <summary>Polls <paramref name="probe"/> until it returns a value, and returns it.</summary>
    public static async Task<T> ForAsync<T>(Func<Task<T?>> probe, string what, TimeSpan? timeout = null, TimeSpan? poll = null)
        where T : class
        => (await ForAsync(probe, value => value is not null, what, timeout, poll))!;

    /// <summary>
    /// Like <see cref="ForAsync{T}(Func{Task{T}}, Func{T, bool}, string, TimeSpan?, TimeSpan?)"/> for a server that
    /// is still starting: a refused connection (<see cref="HttpRequestException"/>) counts as "not yet".
    /// </summary>
    public static async Task<T> ForServingAsync<T>(Func<Task<T>> read, Func<T, bool> condition, string what, TimeSpan? timeout = null, TimeSpan? poll = null)
    {
        var answered = await ForAsync(
            async () =>
            {
                try
                {
                    return (Answered: true, Value: await read());
                }
                catch (HttpRequestException)
                {
                    return (Answered: false, Value: default(T)!);
                }
            },
            answer => answer.Answered && condition(answer.Value),
            what,
            timeout,
            poll);
        return answered.Value;
    }

    /// <summary>Reads a queued task until it satisfies <paramref name="condition"/>; <paramref name="tick"/> runs between polls (a test moving its clock).</summary>
    public static async Task<QueuedTaskInfo> ForTaskAsync(
        IRpcQueue queue, string handle, Func<QueuedTaskInfo, bool> condition, string what, TimeSpan? timeout = null, Action? tick = null, TimeSpan? poll = null)
    {
        var first = true;
        var seen = await ForAsync(
            async () =>
            {
                if (!first)
                {
                    tick?.Invoke();
                }

                first = false;
                return new SeenTask(await queue.GetAsync(handle));
            },
            seen => seen.Task is { } task && condition(task),
            $"task {handle}: {what}",
            timeout,
            poll);
        return seen.Task!;
    }

    /// <summary>Reads a queued task until it is in <paramref name="state"/>.</summary>
    public static Task<QueuedTaskInfo> ForStateAsync(
        IRpcQueue queue, string handle, QueuedTaskState state, TimeSpan? timeout = null, Action? tick = null, TimeSpan? poll = null)
        => ForTaskAsync(queue, handle, task => task.State == state, state.ToString(), timeout, tick, poll);

    /// <summary>A task as a timeout message shows it.</summary>
    private sealed record SeenTask(QueuedTaskInfo? Task)
    {
        public override string ToString()
            => Task is null ? "no such task" : $"{Task.State}, attempt {Task.Attempt}, reason {Task.Reason}";
    }
}
