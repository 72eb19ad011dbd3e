using System.Diagnostics;
using SoapMiddleware.Queue;

namespace SoapMiddleware.Hangfire.Tests.Infrastructure;

/// <summary>Polls until a condition holds, failing with the last value seen.</summary>
public static class Eventually
{
    public static async Task<QueuedTaskInfo> TaskAsync(IRpcQueue queue, string handle, Func<QueuedTaskInfo, bool> condition, TimeSpan? timeout = null, string? what = null)
    {
        var watch = Stopwatch.StartNew();
        QueuedTaskInfo? last = null;
        while (watch.Elapsed < (timeout ?? TimeSpan.FromSeconds(20)))
        {
            last = await queue.GetAsync(handle);
            if (last is not null && condition(last))
            {
                return last;
            }

            await Task.Delay(50);
        }

        throw new Xunit.Sdk.XunitException(
            $"Timed out waiting for {what ?? "the task"}; last seen: {(last is null ? "null" : $"{last.State}, attempt {last.Attempt}, reason {last.Reason}")}");
    }

    public static Task<QueuedTaskInfo> StateAsync(IRpcQueue queue, string handle, QueuedTaskState state, TimeSpan? timeout = null)
        => TaskAsync(queue, handle, t => t.State == state, timeout, state.ToString());

    public static async Task<T> ValueAsync<T>(Func<Task<T>> read, Func<T, bool> condition, TimeSpan? timeout = null, string? what = null)
    {
        var watch = Stopwatch.StartNew();
        T last;
        do
        {
            last = await read();
            if (condition(last))
            {
                return last;
            }

            await Task.Delay(50);
        }
        while (watch.Elapsed < (timeout ?? TimeSpan.FromSeconds(20)));

        throw new Xunit.Sdk.XunitException($"Timed out waiting for {what ?? "a condition"}; last seen: {last}");
    }
}
