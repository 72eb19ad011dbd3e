using Hangfire;

namespace SoapMiddleware.Hangfire.Tests.Infrastructure;

/// <summary>
/// Hangfire's process-wide state, set once for the whole test run. Hangfire keeps global filters, a global log provider,
/// <c>JobStorage.Current</c> and a global activator; <c>AddHangfire</c> points the log provider at one host's logger
/// factory, and once that host is disposed the next Hangfire object of the process fails with ObjectDisposedException.
/// So the test hosts never call <c>AddHangfire</c>: each registers its own <see cref="JobStorage"/> in its container
/// and builds its <see cref="BackgroundJobServer"/> itself with explicit storage and a container-backed activator
/// (<see cref="TestHangfireServer"/>); the log provider stays Hangfire's default (no logging), and the only global
/// things changed are the retry policy and serializer settings below, the same for every test.
/// </summary>
public static class HangfireTestGlobals
{
    /// <summary>The tests' retry policy: two retries, one second apart (Hangfire's default is ten, minutes apart).</summary>
    public const int RetryAttempts = 2;

    private static readonly Lock Gate = new();
    private static bool _configured;

    public static void EnsureConfigured()
    {
        lock (Gate)
        {
            if (_configured)
            {
                return;
            }

            // The serializer settings the sample app (and Hangfire's docs) use: process-wide, the same for every test.
            GlobalConfiguration.Configuration
                .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
                .UseSimpleAssemblyNameTypeSerializer()
                .UseRecommendedSerializerSettings();
            GlobalJobFilters.Filters.Remove(typeof(AutomaticRetryAttribute));
            GlobalJobFilters.Filters.Add(new AutomaticRetryAttribute { Attempts = RetryAttempts, DelaysInSeconds = [1] });
            _configured = true;
        }
    }
}
