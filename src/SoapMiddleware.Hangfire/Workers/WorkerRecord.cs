using SoapMiddleware.Queue.Workers;

namespace SoapMiddleware.Hangfire;

/// <summary>
/// One Hangfire worker of this process, as far as our calls tell: where its row lives (its server's hash, its field) and
/// its <see cref="WorkerActivity"/>. Hangfire keeps no such thing (no idle workers, no per-worker counts), so
/// <see cref="RpcJob"/> reports to the activity and <see cref="WorkerRecords"/> writes the changes. The counts live only
/// here, which is right because a Hangfire worker (its id is a GUID per worker loop) never outlives its process.
/// </summary>
/// <param name="ServerId">Hangfire's server id (<c>host:pid:guid</c>).</param>
/// <param name="WorkerId">Hangfire's worker id within the server (a GUID), the field of its row.</param>
/// <param name="Activity">What the worker does; its id is the one the workers API shows.</param>
internal sealed record WorkerRecord(string ServerId, string WorkerId, WorkerActivity Activity);
