using Hangfire.Client;
using SoapMiddleware.Queue.Engine;

namespace SoapMiddleware.Hangfire;

/// <summary>
/// Gives every new <see cref="RpcJob"/> its handle's secret (and its display and attempts as parameters) when whoever
/// creates it did not: occurrences of recurring calls are created by Hangfire's recurring scheduler, each with its own
/// secret from here.
/// </summary>
internal sealed class RpcJobClientFilter : IClientFilter
{
    public void OnCreating(CreatingContext context)
    {
        if (!RpcJobArguments.IsRpcJob(context.Job))
        {
            return;
        }

        if (!context.Parameters.ContainsKey(JobParameters.Secret))
        {
            context.SetJobParameter(JobParameters.Secret, TaskHandle.NewSecret());
        }

        if (!context.Parameters.ContainsKey(JobParameters.Display))
        {
            context.SetJobParameter(JobParameters.Display, RpcJobArguments.Display(context.Job));
        }

        if (!context.Parameters.ContainsKey(JobParameters.MaxAttempts))
        {
            context.SetJobParameter(JobParameters.MaxAttempts, RpcJobArguments.MaxAttempts(context.Job));
        }
    }

    public void OnCreated(CreatedContext context)
    {
    }
}
