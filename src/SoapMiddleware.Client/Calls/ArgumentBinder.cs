using System.Collections;
using System.Globalization;
using System.Reflection;
using SoapMiddleware.Description;

namespace SoapMiddleware.Client.Calls;

/// <summary>Turns the dynamic call's arguments (an anonymous object, a dictionary, an array) into an operation's wire arguments.</summary>
internal static class ArgumentBinder
{
    public static object?[] Bind(RpcOperation operation, object? arguments)
    {
        if (operation.Schema is { } schema)
        {
            return Dynamic.SchemaArgumentBinder.Bind(schema, arguments);
        }

        var parameters = operation.WireParameters;
        var values = new object?[parameters.Count];
        switch (arguments)
        {
            case null:
                break;
            case object?[] positional:
                if (positional.Length > parameters.Count)
                {
                    throw new ArgumentException($"The operation '{operation.Name}' takes {parameters.Count} arguments, not {positional.Length}.", nameof(arguments));
                }

                for (var i = 0; i < positional.Length; i++)
                {
                    values[i] = positional[i];
                }

                break;
            case IDictionary dictionary:
                Fill(operation, values, dictionary.Keys.Cast<object>().Select(k => (Convert.ToString(k, CultureInfo.InvariantCulture)!, dictionary[k])));
                break;
            default:
                Fill(operation, values, arguments.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance)
                    .Where(p => p.GetIndexParameters().Length == 0).Select(p => (p.Name, p.GetValue(arguments))));
                break;
        }

        for (var i = 0; i < values.Length; i++)
        {
            values[i] = Coerce(values[i], parameters[i].ParameterType);
        }

        return values;
    }

    private static void Fill(RpcOperation operation, object?[] values, IEnumerable<(string Name, object? Value)> named)
    {
        var parameters = operation.WireParameters;
        foreach (var (name, value) in named)
        {
            var index = IndexOf(parameters, name);
            if (index < 0)
            {
                throw new ArgumentException($"The operation '{operation.Name}' has no parameter '{name}'; its parameters are {string.Join(", ", parameters.Select(p => p.Name))}.", nameof(named));
            }

            values[index] = value;
        }
    }

    private static int IndexOf(IReadOnlyList<ParameterInfo> parameters, string name)
    {
        for (var i = 0; i < parameters.Count; i++)
        {
            if (string.Equals(parameters[i].Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    // A value of another primitive type (a long for an int parameter, a string for a decimal) is converted; an absent
    // value-type argument is its default, as the typed client would send it.
    private static object? Coerce(object? value, Type type)
    {
        var target = Nullable.GetUnderlyingType(type) ?? type;
        if (value is null)
        {
            return type.IsValueType && Nullable.GetUnderlyingType(type) is null ? Activator.CreateInstance(type) : null;
        }

        if (target.IsInstanceOfType(value))
        {
            return value;
        }

        return value is IConvertible && (target.IsPrimitive || target == typeof(decimal) || target == typeof(string) || target == typeof(DateTime))
            ? Convert.ChangeType(value, target, CultureInfo.InvariantCulture)
            : throw new ArgumentException($"A '{value.GetType().Name}' cannot be sent as '{type.Name}'.");
    }
}
