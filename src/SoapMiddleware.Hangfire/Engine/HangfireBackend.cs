using Hangfire;
using Hangfire.Common;
using Microsoft.Extensions.DependencyInjection;

namespace SoapMiddleware.Hangfire;

/// <summary>
/// The application's Hangfire: the <see cref="JobStorage"/> its <c>AddHangfire</c> registered (else
/// <see cref="JobStorage.Current"/>), and a job client and recurring-job manager over that storage (the application's
/// own when they use it). Resolved on first use and again after a failure, so an unreachable storage fails the calls
/// that need it (as <see cref="Queue.QueueUnavailableException"/> on enqueue) rather than the container.
/// </summary>
internal sealed class HangfireBackend(IServiceProvider services)
{
    private readonly Lock _gate = new();
    private JobStorage? _storage;
    private IBackgroundJobClientV2? _client;
    private IRecurringJobManager? _recurring;
    private IJobFilterProvider? _filters;

    /// <summary>The storage. Throws <see cref="InvalidOperationException"/> naming the cause when there is none.</summary>
    public JobStorage Storage
    {
        get
        {
            if (_storage is { } storage)
            {
                return storage;
            }

            lock (_gate)
            {
                return _storage ??= ResolveStorage();
            }
        }
    }

    /// <summary>The job filters Hangfire applies (the application's provider, else the global one).</summary>
    public IJobFilterProvider FilterProvider
        => _filters ??= services.GetService<IJobFilterProvider>() ?? JobFilterProviders.Providers;

    /// <summary>A client over <see cref="Storage"/>.</summary>
    public IBackgroundJobClientV2 Client
        => OverStorage(
            ref _client,
            storage => services.GetService<IBackgroundJobClient>() is IBackgroundJobClientV2 own && ReferenceEquals(own.Storage, storage) ? own : null,
            storage => new BackgroundJobClient(storage, FilterProvider));

    /// <summary>A recurring-job manager over <see cref="Storage"/>.</summary>
    public IRecurringJobManager RecurringJobs
        => OverStorage(
            ref _recurring,
            storage => services.GetService<IRecurringJobManagerV2>() is { } own && ReferenceEquals(own.Storage, storage) ? own : null,
            storage => new RecurringJobManager(storage, FilterProvider));

    /// <summary>The storage's type name for messages (never its connection string), or "?" when it cannot be resolved.</summary>
    public string StorageName
    {
        get
        {
            try
            {
                return Storage.GetType().Name;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                return "unresolved JobStorage";
            }
        }
    }

    /// <summary>
    /// The object <paramref name="field"/> caches, made once over <see cref="Storage"/>: the application's own when it
    /// works on that storage (<paramref name="own"/>), else one <paramref name="create"/> makes.
    /// </summary>
    private T OverStorage<T>(ref T? field, Func<JobStorage, T?> own, Func<JobStorage, T> create)
        where T : class
    {
        if (field is { } made)
        {
            return made;
        }

        var storage = Storage;
        lock (_gate)
        {
            return field ??= own(storage) ?? create(storage);
        }
    }

    private JobStorage ResolveStorage()
    {
        JobStorage? storage;
        try
        {
            storage = services.GetService<JobStorage>();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            throw new InvalidOperationException($"The Hangfire queue engine could not create the application's Hangfire JobStorage: {ex.Message}", ex);
        }

        if (storage is not null)
        {
            return storage;
        }

        try
        {
            return JobStorage.Current;
        }
        catch (InvalidOperationException ex)
        {
            throw new InvalidOperationException(
                "The Hangfire queue engine found no Hangfire JobStorage: call services.AddHangfire(c => c.Use...Storage(...)) " +
                "or register a JobStorage singleton.", ex);
        }
    }
}
