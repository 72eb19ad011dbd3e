namespace SoapMiddleware.Hangfire.Tests.Infrastructure;

/// <summary>
/// Marks a test class whose <see cref="EngineFactAttribute"/> tests (its own and inherited) need a server named by an
/// environment variable; they report themselves skipped, with <see cref="Reason"/>, when it is not set.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class RequiresEnvironmentAttribute(string variable, string reason) : Attribute
{
    public string Variable { get; } = variable;

    public string Reason { get; } = reason;

    public bool IsSet => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 };
}
