using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;

namespace SoapMiddleware.Security;

/// <summary>
/// Remembers the nonces of accepted tokens until their tokens could no longer be accepted anyway, so a replay inside the
/// window is refused. The app's <see cref="IDistributedCache"/> when it registered one (several processes then refuse
/// the same replay), else this process's <see cref="IMemoryCache"/>.
/// </summary>
/// <remarks>
/// <see cref="IDistributedCache"/> has no "add if absent", so two processes that receive the same replay in the same
/// few milliseconds may both accept it; one process never does (the memory path checks and adds under a lock).
/// </remarks>
internal sealed class NonceReplayCache
{
    private readonly IDistributedCache? _distributed;
    private readonly IMemoryCache? _memory;
    private readonly Lock _gate = new();

    public NonceReplayCache(IServiceProvider services)
    {
        _distributed = services.GetService<IDistributedCache>();
        _memory = _distributed is null ? services.GetRequiredService<IMemoryCache>() : null;
    }

    /// <summary>Whether replays are refused across processes (an <see cref="IDistributedCache"/> is used).</summary>
    public bool IsDistributed => _distributed is not null;

    /// <summary>Records <paramref name="nonce"/> for <paramref name="lifetime"/>; false when it was recorded already.</summary>
    /// <remarks>A lifetime, not an end time: the caches keep their own clocks, which need not be the handler's.</remarks>
    public async ValueTask<bool> TryAddAsync(string scheme, string nonce, TimeSpan lifetime, CancellationToken cancellationToken)
    {
        var key = $"soapmw:wsse-nonce:{scheme}:{nonce}";
        if (_distributed is not null)
        {
            if (await _distributed.GetAsync(key, cancellationToken).ConfigureAwait(false) is not null)
            {
                return false;
            }

            await _distributed.SetAsync(key, [1], new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = lifetime }, cancellationToken).ConfigureAwait(false);
            return true;
        }

        lock (_gate)
        {
            if (_memory!.TryGetValue(key, out _))
            {
                return false;
            }

            _memory.Set(key, true, lifetime);
            return true;
        }
    }
}
