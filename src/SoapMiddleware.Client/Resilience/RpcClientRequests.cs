using System.Collections.Frozen;
using System.Reflection;
using SoapMiddleware.Client.Hosting;
using SoapMiddleware.Description;

namespace SoapMiddleware.Client.Resilience;

/// <summary>What an <see cref="Calls.RpcClient"/> tells the HTTP handlers about a request it sends (read it in a handler of your own).</summary>
public static class RpcClientRequests
{
    /// <summary>Set (true) on the request of an idempotent operation's call: one marked <see cref="RpcIdempotentAttribute"/> or named in <see cref="RpcClientOptions.IdempotentOperations"/>.</summary>
    public static readonly HttpRequestOptionsKey<bool> Idempotent = new("SoapMiddleware.Client.Idempotent");

    /// <summary>Whether <paramref name="request"/> is a call that may be sent again.</summary>
    public static bool IsIdempotent(HttpRequestMessage? request) =>
        request is not null && request.Options.TryGetValue(Idempotent, out var idempotent) && idempotent;

    internal static FrozenSet<RpcOperation> IdempotentOperations(RpcDescription description, RpcClientOptions options)
    {
        foreach (var name in options.IdempotentOperations)
        {
            if (description.FindOperation(name) is null)
            {
                throw new InvalidOperationException($"RpcClientOptions.IdempotentOperations names '{name}', which is no operation of the description; it has {string.Join(", ", description.Operations.Select(o => o.Name))}.");
            }
        }

        return description.Operations
            .Where(o => options.IdempotentOperations.Contains(o.Name) || o.Method?.GetCustomAttribute<RpcIdempotentAttribute>() is not null)
            .ToFrozenSet();
    }
}
