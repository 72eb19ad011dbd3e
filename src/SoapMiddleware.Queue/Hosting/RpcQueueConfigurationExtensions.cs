using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using SoapMiddleware.Hosting.Configuration;
using SoapMiddleware.Queue;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Chooses the configuration section that overrides the queue's options, and binds a storage's options under it.</summary>
public static class RpcQueueConfigurationExtensions
{
    /// <summary>
    /// Binds <see cref="RpcQueueOptions"/> from <paramref name="configSectionPath"/> (such as <c>"Jobs"</c> or
    /// <c>"Services:Queue"</c>; empty is the configuration's root) instead of <c>Queue</c>, and the storage's options from
    /// keys under it (<c>Jobs:PostgreSql</c>). As with the default section, the values it names override those set in code.
    /// </summary>
    /// <param name="builder">The builder from <c>AddQueue</c>.</param>
    /// <param name="configSectionPath">The section's path, keys separated by <c>:</c>.</param>
    /// <returns>The same builder.</returns>
    public static IRpcQueueBuilder BindConfiguration(this IRpcQueueBuilder builder, string configSectionPath)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configSectionPath);
        ConfigurationOverride<RpcQueueOptions>.AddTo(builder.Services, RpcQueueOptions.SectionName).BindTo(configSectionPath);
        return builder;
    }

    /// <summary>
    /// Binds the queue's options, and the storage's, from no configuration: the code's values and the defaults are all
    /// there is.
    /// </summary>
    /// <param name="builder">The builder from <c>AddQueue</c>.</param>
    /// <returns>The same builder.</returns>
    public static IRpcQueueBuilder WithoutConfiguration(this IRpcQueueBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ConfigurationOverride<RpcQueueOptions>.AddTo(builder.Services, RpcQueueOptions.SectionName).BindTo(null);
        return builder;
    }

    /// <summary>
    /// Adds <typeparamref name="TOptions"/> (a storage's or an engine's options) bound from <paramref name="key"/> under
    /// the queue's configuration section (<c>Queue:PostgreSql</c> for <c>"PostgreSql"</c>), by the queue's rule: the
    /// <c>Configure</c> calls on the returned builder set values in code, the section overrides what it names, and
    /// nothing is bound when the queue binds no configuration. The first key given for a type is the one bound.
    /// </summary>
    /// <param name="builder">The builder from <c>AddQueue</c>.</param>
    /// <param name="key">The key under the queue's section.</param>
    /// <typeparam name="TOptions">The options type.</typeparam>
    /// <returns>The options builder, to configure and validate them.</returns>
    public static OptionsBuilder<TOptions> AddOptions<TOptions>(this IRpcQueueBuilder builder, string key) where TOptions : class
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(key);
        var queue = ConfigurationOverride<RpcQueueOptions>.AddTo(builder.Services, RpcQueueOptions.SectionName);
        ConfigurationOverride<TOptions>.AddTo(builder.Services, () => queue.SectionPath switch
        {
            null => null,
            "" => key,
            var path => ConfigurationPath.Combine(path, key),
        });
        return builder.Services.AddOptions<TOptions>();
    }
}
