using System.Collections;
using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace SoapMiddleware.Hosting.Configuration;

/// <summary>
/// The configuration section that overrides <typeparamref name="TOptions"/>: bound as a post-configure step, after every
/// <c>Configure</c> (the lambdas of <c>AddRpc</c>, <c>AddQueue</c>, <c>services.Configure</c>), so the code sets the
/// defaults and appsettings, environment variables and the command line override them. One per options type and
/// service collection; the builders' <c>BindConfiguration</c> and <c>WithoutConfiguration</c> change its section.
/// </summary>
/// <remarks>
/// The same file is compiled into SoapMiddleware and SoapMiddleware.Queue (linked), since neither shows the other its
/// internals.
/// </remarks>
internal sealed class ConfigurationOverride<TOptions> where TOptions : class
{
    private Func<string?> _sectionPath;

    private ConfigurationOverride(Func<string?> sectionPath) => _sectionPath = sectionPath;

    /// <summary>The section's path (such as <c>Rpc</c> or <c>Queue:PostgreSql</c>), or null when nothing is bound.</summary>
    public string? SectionPath => _sectionPath();

    /// <summary>Binds this section from now on; null binds none.</summary>
    public void BindTo(string? sectionPath) => _sectionPath = () => sectionPath;

    /// <summary>The override of <typeparamref name="TOptions"/> in <paramref name="services"/>, added on first use with <paramref name="sectionPath"/>.</summary>
    public static ConfigurationOverride<TOptions> AddTo(IServiceCollection services, string sectionPath)
        => AddTo(services, () => sectionPath);

    /// <summary>
    /// The override of <typeparamref name="TOptions"/> in <paramref name="services"/>, added on first use with a section
    /// found when the options are built (a key under another options' section follows that section when it changes).
    /// </summary>
    public static ConfigurationOverride<TOptions> AddTo(IServiceCollection services, Func<string?> sectionPath)
    {
        if (Find(services) is { } existing)
        {
            return existing;
        }

        var binding = new ConfigurationOverride<TOptions>(sectionPath);
        services.AddSingleton(binding);
        services.AddSingleton<IPostConfigureOptions<TOptions>>(sp => new PostConfigureOptions<TOptions>(Options.DefaultName, o => binding.Bind(o, sp)));

        // IOptionsMonitor<TOptions> reloads when the section's files change, as with OptionsBuilder.BindConfiguration.
        services.AddSingleton<IOptionsChangeTokenSource<TOptions>>(sp => new ConfigurationChangeTokenSource<TOptions>(
            Options.DefaultName, binding.Section(sp) ?? new ConfigurationBuilder().Build()));
        return binding;
    }

    /// <summary>The override of <typeparamref name="TOptions"/> in <paramref name="services"/>, or null when there is none.</summary>
    public static ConfigurationOverride<TOptions>? Find(IServiceCollection services)
        => services.FirstOrDefault(d => d.ServiceType == typeof(ConfigurationOverride<TOptions>))?.ImplementationInstance as ConfigurationOverride<TOptions>;

    private IConfiguration? Section(IServiceProvider services)
        => SectionPath is { } path && services.GetService<IConfiguration>() is { } configuration
            ? path.Length == 0 ? configuration : configuration.GetSection(path)
            : null;

    private void Bind(TOptions options, IServiceProvider services)
    {
        if (Section(services) is not { } section)
        {
            return;
        }

        // A list the section names replaces the code's list, as every other value does: ConfigurationBinder alone would
        // append the configured items to it (code ["a"] and Queues:0=b would give ["a", "b"]).
        foreach (var property in typeof(TOptions).GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property is { CanRead: true, CanWrite: true } && IsList(property.PropertyType)
                && section.GetSection(property.Name).GetChildren().Any())
            {
                property.SetValue(options, property.PropertyType.IsArray
                    ? Array.CreateInstance(property.PropertyType.GetElementType()!, 0)
                    : Activator.CreateInstance(property.PropertyType));
            }
        }

        section.Bind(options);
    }

    private static bool IsList(Type type)
        => type.IsArray || (typeof(IList).IsAssignableFrom(type) && !type.IsAbstract && type.GetConstructor(Type.EmptyTypes) is not null);
}
