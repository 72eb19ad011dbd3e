using SoapMiddleware;
using SoapMiddleware.Hosting.Configuration;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Chooses the configuration section that overrides <see cref="RpcOptions"/>.</summary>
public static class RpcConfigurationExtensions
{
    /// <summary>
    /// Binds <see cref="RpcOptions"/> from <paramref name="configSectionPath"/> (such as <c>"Soap"</c> or
    /// <c>"Services:Calculator"</c>; empty is the configuration's root) instead of <c>Rpc</c>. As with the default section,
    /// the values it names override those set in code.
    /// </summary>
    /// <param name="builder">The builder from <c>AddRpc</c>.</param>
    /// <param name="configSectionPath">The section's path, keys separated by <c>:</c>.</param>
    /// <returns>The same builder.</returns>
    public static IRpcBuilder BindConfiguration(this IRpcBuilder builder, string configSectionPath)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configSectionPath);
        ConfigurationOverride<RpcOptions>.AddTo(builder.Services, RpcOptions.SectionName).BindTo(configSectionPath);
        return builder;
    }

    /// <summary>Binds <see cref="RpcOptions"/> from no configuration: the code's values and the defaults are all there is.</summary>
    /// <param name="builder">The builder from <c>AddRpc</c>.</param>
    /// <returns>The same builder.</returns>
    public static IRpcBuilder WithoutConfiguration(this IRpcBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ConfigurationOverride<RpcOptions>.AddTo(builder.Services, RpcOptions.SectionName).BindTo(null);
        return builder;
    }
}
