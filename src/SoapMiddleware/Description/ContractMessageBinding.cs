namespace SoapMiddleware.Description;

/// <summary>
/// Moves values between a contract message instance and the operation's parts: builds the request instance from the
/// body parts read into <see cref="MethodContext.InObject"/> and the headers read into the context, and takes a
/// response instance apart into its body values (its headers are read from it as the envelope is written).
/// An unwrapped message's parts are the members of its one body member's type (<paramref name="unwrapped"/>).
/// </summary>
internal sealed class ContractMessageBinding(ContractMessage message, IReadOnlyList<OperationHeader> headers, Model.RpcType? unwrapped = null)
{
    public ContractMessage Message => message;

    /// <summary>The operation's headers that <see cref="Message"/> declares, in the order of its header members.</summary>
    public IReadOnlyList<OperationHeader> Headers => headers;

    public object Compose(object?[] wire, MethodContext context)
    {
        var instance = Activator.CreateInstance(message.ContractType, nonPublic: true)
            ?? throw new InvalidOperationException($"Cannot create '{message.ContractType.FullName}'.");
        if (unwrapped is not null)
        {
            message.Body[0].SetValue(instance, unwrapped.Accessor!.Create(wire));
        }
        else
        {
            for (var i = 0; i < message.Body.Count; i++)
            {
                message.Body[i].SetValue(instance, wire[i]);
            }
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
        if (unwrapped is not null)
        {
            var getters = unwrapped.Accessor!.Getters;
            var parts = new object?[getters.Length];
            if (result is not null && message.Body[0].GetValue(result) is { } body)
            {
                for (var i = 0; i < parts.Length; i++)
                {
                    parts[i] = getters[i](body);
                }
            }

            return parts;
        }

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
