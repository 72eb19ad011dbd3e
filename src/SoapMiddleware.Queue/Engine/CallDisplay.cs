using System.Collections;
using System.Globalization;
using System.Text;
using SoapMiddleware.Description;

namespace SoapMiddleware.Queue.Engine;

/// <summary>
/// How a queued call reads in lists and in Hangfire's dashboard: <c>CalculatorService.Add(1, 2)</c>. Arguments are
/// abbreviated (long strings cut, objects by type name, collections by count) so a name never carries a whole payload.
/// </summary>
internal static class CallDisplay
{
    private const int MaxArgument = 24;
    private const int MaxTotal = 120;

    public static string Format(RpcOperation operation, object?[]? arguments)
    {
        var text = new StringBuilder(operation.Service.Name).Append('.').Append(operation.Name).Append('(');
        if (arguments is not null)
        {
            for (var i = 0; i < arguments.Length; i++)
            {
                if (i > 0)
                {
                    text.Append(", ");
                }

                text.Append(Argument(arguments[i]));
                if (text.Length > MaxTotal)
                {
                    text.Length = MaxTotal;
                    text.Append('…');
                    break;
                }
            }
        }

        return text.Append(')').ToString();
    }

    /// <summary>The name of a call whose arguments are not known (a raw request before it is read).</summary>
    public static string Format(string? service, string? operation)
        => string.IsNullOrEmpty(operation) ? "(unread request)" : $"{service}.{operation}(…)";

    private static string Argument(object? value) => value switch
    {
        null => "null",
        string s => "\"" + Cut(s) + "\"",
        bool b => b ? "true" : "false",
        byte[] bytes => $"byte[{bytes.Length}]",
        IFormattable formattable when value.GetType().IsPrimitive || value is decimal || value is Enum || value is Guid
            || value is DateTime || value is DateTimeOffset || value is DateOnly || value is TimeOnly || value is TimeSpan
            => Cut(formattable.ToString(null, CultureInfo.InvariantCulture)),
        ICollection collection => $"{value.GetType().Name}[{collection.Count}]",
        _ => value.GetType().Name + "{…}",
    };

    private static string Cut(string s) => s.Length <= MaxArgument ? s : s[..MaxArgument] + "…";
}
