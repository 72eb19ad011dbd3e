using Hangfire.Client;
using SoapMiddleware.Queue.Engine;

namespace SoapMiddleware.Hangfire;

/// <summary>
/// Gives every new <see cref="RpcJob"/> its handle's secret when whoever creates it did not: occurrences of recurring
/// calls are created by Hangfire's recurring scheduler, each with its own secret from here. (The job's display name and
/// attempts are its arguments, so they cost no parameter rows.)
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
    }

    public void OnCreated(CreatedContext context)
    {
    }
}
