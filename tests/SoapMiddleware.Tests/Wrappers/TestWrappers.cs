namespace SoapMiddleware.Tests.Wrappers;

/// <summary>What wrappers, listeners and methods did, in order, for one test.</summary>
public sealed class Journal
{
    private readonly List<string> _entries = [];

    public IReadOnlyList<string> Entries { get { lock (_entries) { return [.. _entries]; } } }

    public void Add(string entry) { lock (_entries) { _entries.Add(entry); } }

    public void Clear() { lock (_entries) { _entries.Clear(); } }

    /// <summary>Waits until <paramref name="entry"/> was added: events after the response may trail the client.</summary>
    public async Task WaitForAsync(string entry)
    {
        for (var i = 0; i < 500 && !Entries.Contains(entry); i++)
        {
            await Task.Delay(10);
        }
    }
}

/// <summary>Records its position in the chain.</summary>
public abstract class RecordingWrapper(Journal journal, string name) : ICallWrapper
{
    public async ValueTask<object?> InvokeAsync(MethodContext context, CallNext next)
    {
        journal.Add($"{name} in");
        var result = await next(context);
        journal.Add($"{name} out");
        return result;
    }
}

public sealed class FirstWrapper(Journal journal) : RecordingWrapper(journal, "first");

public sealed class SecondWrapper(Journal journal) : RecordingWrapper(journal, "second");

public sealed class ServiceAttributeWrapper(Journal journal) : RecordingWrapper(journal, "service attribute");

public sealed class MethodAttributeWrapper(Journal journal) : RecordingWrapper(journal, "method attribute");

public sealed class AppWrapper(Journal journal) : RpcApplicationCallWrapper
{
    public override async ValueTask<object?> InvokeAsync(MethodContext context, CallNext next)
    {
        journal.Add("application in");
        var result = await base.InvokeAsync(context, next);
        journal.Add("application out");
        return result;
    }
}

/// <summary>Doubles argument a before the call.</summary>
public sealed class DoublingWrapper : ICallWrapper
{
    public ValueTask<object?> InvokeAsync(MethodContext context, CallNext next)
    {
        context.InObject![0] = (int)context.InObject[0]! * 2;
        return next(context);
    }
}

/// <summary>Answers 1000 without calling the method when a is negative.</summary>
public sealed class ShortCircuitWrapper : ICallWrapper
{
    public ValueTask<object?> InvokeAsync(MethodContext context, CallNext next)
        => context.InObject is [int a, ..] && a < 0 ? ValueTask.FromResult<object?>(1000) : next(context);
}

/// <summary>Turns InvalidOperationException into a Client fault with its own message.</summary>
public sealed class TranslatingWrapper : ICallWrapper
{
    public async ValueTask<object?> InvokeAsync(MethodContext context, CallNext next)
    {
        try
        {
            return await next(context);
        }
        catch (InvalidOperationException ex)
        {
            throw RpcFault.Client("translated: " + ex.Message, "Translated");
        }
    }
}

/// <summary>Echoes the request's trace header id back as a response header, suffixed.</summary>
public sealed class HeaderWrapper : ICallWrapper
{
    public ValueTask<object?> InvokeAsync(MethodContext context, CallNext next)
    {
        if (context.GetInHeader<TraceHeader>() is { } trace)
        {
            context.SetOutHeader(new TraceHeader { Id = trace.Id + "-seen" });
        }

        return next(context);
    }
}
