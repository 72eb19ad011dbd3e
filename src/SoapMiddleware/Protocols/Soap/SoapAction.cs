namespace SoapMiddleware.Protocols.Soap;

/// <summary>
/// Reads a SOAP action as a client sends it: the <c>SOAPAction</c> header of SOAP 1.1 is a quoted URI
/// (<c>"urn:calc/Add"</c>), some clients leave the quotes out or add spaces; SOAP 1.2 carries it unquoted in the
/// content type's <c>action</c> parameter. One reader, so every transport and the queue name an action alike.
/// </summary>
public static class SoapAction
{
    /// <summary>The action without surrounding spaces and quotes; null when it is null or empty once trimmed.</summary>
    /// <param name="action">A <c>SOAPAction</c> header value or a stored action.</param>
    public static string? Parse(string? action)
    {
        if (action is null)
        {
            return null;
        }

        var trimmed = Trim(action);
        return trimmed.IsEmpty ? null : trimmed.Length == action.Length ? action : trimmed.ToString();
    }

    /// <summary>The action without surrounding spaces and quotes, as a span of <paramref name="action"/>: no copy.</summary>
    internal static ReadOnlySpan<char> Trim(string action) => action.AsSpan().Trim().Trim('"');
}
