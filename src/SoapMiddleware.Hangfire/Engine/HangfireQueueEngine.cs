using System.Security.Cryptography;
using System.Text;
using Hangfire;
using Hangfire.States;
using Hangfire.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SoapMiddleware.Queue;
using SoapMiddleware.Queue.Engine;

namespace SoapMiddleware.Hangfire;

/// <summary>
/// The Hangfire engine: each queued call is one Hangfire job (<see cref="RpcJob"/>) in the application's own Hangfire
/// storage, run by the application's Hangfire servers with its retry policy. Handles are <c>{job id}-{secret}</c>, the
/// secret stored as a job parameter and checked in constant time on every lookup. Hangfire's API is synchronous; these
/// methods block on it like any Hangfire client does.
/// </summary>
internal sealed partial class HangfireQueueEngine(
    HangfireBackend backend, RunningJobs running, TimeProvider time, IOptions<RpcQueueOptions> options, ILogger<HangfireQueueEngine> logger) : IQueueEngine
{
    public const string EngineName = "Hangfire";

    /// <summary>How long an idempotency key is remembered.</summary>
    internal static readonly TimeSpan IdempotencyLifetime = TimeSpan.FromDays(7);

    private const string IdempotencyPrefix = "soapmw:idempotency:";
    private static readonly TimeSpan LockTimeout = TimeSpan.FromSeconds(15);

    public string Name => EngineName;

    public Task<string> EnqueueAsync(QueuedCall call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        cancellationToken.ThrowIfCancellationRequested();
        CheckQueue(call.Queue);
        return Task.FromResult(call.IdempotencyKey is null ? Create(call) : CreateOnce(call, call.IdempotencyKey));
    }

    /// <summary>Hangfire refuses other queue names; say so before anything is stored.</summary>
    internal static void CheckQueue(string queue)
    {
        if (string.IsNullOrEmpty(queue) || !queue.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '_' or '-'))
        {
            throw new ArgumentException(
                $"'{queue}' is not a Hangfire queue name: the Hangfire engine takes lowercase letters, digits, '_' and '-' only.", nameof(queue));
        }
    }

    /// <summary>One job, its parameters written with it in Hangfire's creation transaction.</summary>
    private string Create(QueuedCall call)
    {
        var secret = TaskHandle.NewSecret();
        var parameters = new Dictionary<string, object>
        {
            [JobParameters.Secret] = secret,
        };
        if (call.IdempotencyKey is not null)
        {
            parameters[JobParameters.IdempotencyKey] = call.IdempotencyKey;
        }

        if (call.TraceParent is not null)
        {
            parameters[JobParameters.TraceParent] = call.TraceParent;
        }

        if (call.EnqueuedBy is not null)
        {
            parameters[JobParameters.EnqueuedBy] = call.EnqueuedBy;
        }

        IState state = call.NotBefore is { } notBefore && notBefore > time.GetUtcNow()
            ? new ScheduledState(notBefore.UtcDateTime)
            : new EnqueuedState(call.Queue);
        var id = Guard("store the call", () => backend.Client.Create(RpcJobArguments.CreateJob(call), state, parameters))
            ?? throw new InvalidOperationException($"A Hangfire client filter of the application cancelled the creation of the job for {call.Display}.");
        return TaskHandle.Format(id, secret);
    }

    /// <summary>
    /// Idempotent enqueue on any Hangfire storage: under a distributed lock named after the key, a hash remembers the job
    /// and a digest of the request. The same key with the same request returns that job's handle; with another request it
    /// is a conflict; once that job is gone (expired), the key is free again.
    /// </summary>
    private string CreateOnce(QueuedCall call, string key)
    {
        var hashKey = IdempotencyPrefix + Digest(Encoding.UTF8.GetBytes(key));
        var request = RequestDigest(call);
        return Guard("store the call", () =>
        {
            using var connection = backend.Storage.GetConnection();
            using (connection.AcquireDistributedLock(hashKey + ":lock", LockTimeout))
            {
                var entries = connection.GetAllEntriesFromHash(hashKey);
                if (entries is not null && entries.TryGetValue("JobId", out var jobId) && !string.IsNullOrEmpty(jobId)
                    && connection.GetJobData(jobId) is not null
                    && JobParameters.Text(connection.GetJobParameter(jobId, JobParameters.Secret)) is { } secret)
                {
                    if (!entries.TryGetValue("Request", out var stored) || !SameDigest(stored, request))
                    {
                        throw new IdempotencyKeyConflictException(key);
                    }

                    HangfireEngineLog.IdempotentRepeat(logger, jobId);
                    return TaskHandle.Format(jobId, secret);
                }

                var handle = Create(call);
                TaskHandle.TryParse(handle, out string? newId, out _);
                try
                {
                    using var transaction = connection.CreateWriteTransaction();
                    transaction.SetRangeInHash(hashKey, [new("JobId", newId!), new("Request", request)]);
                    if (transaction is JobStorageTransaction expiring)
                    {
                        try
                        {
                            expiring.ExpireHash(hashKey, IdempotencyLifetime);
                        }
                        catch (NotSupportedException)
                        {
                            // The storage keeps hashes forever: the key stays taken, which is still correct.
                        }
                    }

                    transaction.Commit();
                }
                catch (Exception ex) when (ex is not OutOfMemoryException)
                {
                    // Nothing half-written: a job whose key is not recorded would run while a repeat creates another.
                    HangfireEngineLog.IdempotencyWriteFailed(logger, ex, newId!);
                    TryDelete(newId!);
                    throw;
                }

                return handle;
            }
        });
    }

    private void TryDelete(string jobId)
    {
        try
        {
            backend.Client.ChangeState(jobId, new DeletedState { Reason = "Idempotency key could not be stored" }, null);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            HangfireEngineLog.IdempotencyWriteFailed(logger, ex, jobId);
        }
    }

    /// <summary>Runs a storage operation of the enqueue path; storage failures become <see cref="QueueUnavailableException"/>.</summary>
    private T Guard<T>(string what, Func<T> operation)
    {
        try
        {
            return operation();
        }
        catch (Exception ex) when (ex is not (QueueUnavailableException or IdempotencyKeyConflictException or ArgumentException or OperationCanceledException or OutOfMemoryException))
        {
            var cause = ex is BackgroundJobClientException { InnerException: { } inner } ? inner : ex;
            throw new QueueUnavailableException(
                $"The Hangfire queue engine could not {what} in its Hangfire storage ({backend.StorageName}): {cause.Message}", ex);
        }
    }

    private static string RequestDigest(QueuedCall call)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(call.ContentType + "\n" + call.Action + "\n"));
        hash.AppendData(call.Payload);
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static string Digest(byte[] data) => Convert.ToHexStringLower(SHA256.HashData(data));

    private static bool SameDigest(string stored, string presented)
        => stored.Length == presented.Length
            && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(stored), Encoding.ASCII.GetBytes(presented));
}
