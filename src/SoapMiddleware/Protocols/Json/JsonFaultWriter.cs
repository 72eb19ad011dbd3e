using System.Text.Json;

using SoapMiddleware.Description;

namespace SoapMiddleware.Protocols.Json;

/// <summary>
/// Writes a fault as <c>{"fault": {"code": "Client", "message": "...", "subcode": "...", "detail": {...}}}</c>.
/// <c>subcode</c> and <c>detail</c> appear only when set; the detail is the typed detail of a
/// <see cref="RpcFault{TDetail}"/>, or, only with <see cref="RpcOptions.IncludeExceptionDetails"/>, the unhandled
/// exception's type, message and stack trace.
/// </summary>
internal static class JsonFaultWriter
{
    public static void Write(Utf8JsonWriter writer, RpcDescription description, RpcOptions options, RpcFault fault, Exception? error)
    {
        writer.WriteStartObject();
        writer.WriteStartObject("fault");
        writer.WriteString("code", fault.Code.ToString());
        writer.WriteString("message", fault.Message);
        if (fault.Subcode is not null)
        {
            writer.WriteString("subcode", fault.Subcode);
        }

        var exception = error is RpcFault ? error.InnerException : error;
        if (fault.DetailType is { } detailType)
        {
            writer.WritePropertyName("detail");
            JsonModelWriter.WriteValue(writer, description.Model.GetType(detailType), fault.Detail, 0);
        }
        else if (options.IncludeExceptionDetails && exception is not null)
        {
            writer.WriteStartObject("detail");
            writer.WriteString("type", exception.GetType().FullName);
            writer.WriteString("message", exception.Message);
            writer.WriteString("stackTrace", exception.ToString());
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    }
}
