namespace SoapMiddleware.Description;

/// <summary>
/// Moves values between a contract message instance and the operation's parts: builds the request instance from the
/// body parts read into <see cref="MethodContext.InObject"/> and the headers read into the context, and takes a
/// response instance apart into its body values (its headers are read from it as the envelope is written).
/// </summary>
internal sealed class ContractMessageBinding(ContractMessage message, IReadOnlyList<OperationHeader> headers)
{
    public ContractMessage Message => message;

    /// <summary>The operation's headers that <see cref="Message"/> declares, in the order of its header members.</summary>
    public IReadOnlyList<OperationHeader> Headers => headers;

    public object Compose(object?[] wire, MethodContext context)
    {
        var instance = Activator.CreateInstance(message.ContractType, nonPublic: true)
            ?? throw new InvalidOperationException($"Cannot create '{message.ContractType.FullName}'.");
        for (var i = 0; i < message.Body.Count; i++)
        {
            message.Body[i].SetValue(instance, wire[i]);
        }

        foreach (var header in headers)
        {
            if (context.TryGetInHeader(header.Key, out var value))
            {
                header.ContractPart!.SetValue(instance, value);
            }
        }

        return instance;
    }

    public object?[] BodyValues(object? result)
    {
        var values = new object?[message.Body.Count];
        if (result is not null)
        {
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = message.Body[i].GetValue(result);
            }
        }

        return values;
    }
}
