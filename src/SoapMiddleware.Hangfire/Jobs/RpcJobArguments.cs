using System.Reflection;
using Hangfire.Common;
using SoapMiddleware.Queue.Engine;

namespace SoapMiddleware.Hangfire;

/// <summary>Writes and reads a stored <see cref="RpcJob.Run"/> job's arguments (positions fixed by the method's signature).</summary>
internal static class RpcJobArguments
{
    private static readonly MethodInfo RunMethod = typeof(RpcJob).GetMethod(nameof(RpcJob.Run))!;

    private const int DisplayIndex = 0;
    private const int QueueIndex = 1;
    private const int ServiceIndex = 2;
    private const int OperationIndex = 3;
    private const int ContentTypeIndex = 4;
    private const int ActionIndex = 5;
    private const int PayloadIndex = 6;
    private const int MaxAttemptsIndex = 7;

    /// <summary>The job for <paramref name="call"/>: every argument of <see cref="RpcJob.Run"/> but the two Hangfire injects.</summary>
    public static Job CreateJob(QueuedCall call)
        => new(typeof(RpcJob), RunMethod, new object?[]
        {
            call.Display, call.Queue, call.Service, call.Operation, call.ContentType, call.Action, call.Payload, call.MaxAttempts, null, CancellationToken.None,
        });

    /// <summary>Whether <paramref name="job"/> is one of ours (a job whose type no longer loads is not).</summary>
    public static bool IsRpcJob(Job? job) => job is not null && job.Type == typeof(RpcJob) && job.Args.Count > MaxAttemptsIndex;

    public static string Display(Job job) => Arg<string>(job, DisplayIndex) ?? "";

    public static string Queue(Job job) => Arg<string>(job, QueueIndex) ?? "default";

    public static string Service(Job job) => Arg<string>(job, ServiceIndex) ?? "";

    public static string Operation(Job job) => Arg<string>(job, OperationIndex) ?? "";

    public static string ContentType(Job job) => Arg<string>(job, ContentTypeIndex) ?? "";

    public static string? Action(Job job) => Arg<string>(job, ActionIndex);

    public static byte[] Payload(Job job) => Arg<byte[]>(job, PayloadIndex) ?? [];

    public static int MaxAttempts(Job job) => job.Args[MaxAttemptsIndex] is int n ? n : 1;

    /// <summary><c>Service.Operation</c>, as the workers list shows it.</summary>
    public static string OperationName(Job job) => Service(job) + "." + Operation(job);

    private static T? Arg<T>(Job job, int index) where T : class => job.Args[index] as T;
}
