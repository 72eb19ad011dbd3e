using System.Text;
using System.Text.Json;
using SoapMiddleware.Description;
using SoapMiddleware.Model;

namespace SoapMiddleware.Protocols.Json;

/// <summary>
/// Reads <c>{"fault": {"code", "message", "subcode", "detail"}}</c> into an <see cref="RpcFaultException"/>, the reverse
/// of <see cref="Objects.ObjectModelWriter.WriteFault{TWriter}"/>; the detail is read with the first of the operation's declared fault types it matches.
/// </summary>
internal static class JsonFaultReader
{
    public const string Property = "fault";

    /// <summary>Whether the response is a fault: one property named <c>fault</c>, holding an object, that no response part is named.</summary>
    public static bool IsFault(JsonElement root, RpcOperation operation)
        => root.ValueKind == JsonValueKind.Object
           && root.TryGetProperty(Property, out var fault) && fault.ValueKind == JsonValueKind.Object
           && root.EnumerateObject().Count() == 1
           && !operation.Response.Members.Any(m => m.Name == Property);

    public static RpcFaultException Read(JsonElement fault, RpcOperation operation, JsonProtocol protocol)
    {
        var code = Text(fault, "code") ?? "Server";
        var message = Text(fault, "message") ?? "";
        var subcode = Text(fault, "subcode");
        object? detail = null;
        string? raw = null;
        if (fault.TryGetProperty("detail", out var detailJson) && detailJson.ValueKind != JsonValueKind.Null)
        {
            raw = detailJson.GetRawText();
            detail = TypedDetail(operation, protocol, raw);
        }

        var parsed = Enum.TryParse<RpcFaultCode>(code, ignoreCase: true, out var known) ? known : code is "Sender" ? RpcFaultCode.Client : RpcFaultCode.Server;
        return new RpcFaultException(parsed, message, subcode, detail, raw, operation.Name);
    }

    private static object? TypedDetail(RpcOperation operation, JsonProtocol protocol, string raw)
    {
        if (operation.FaultDetails.Count == 0)
        {
            return null;
        }

        using var wrapped = JsonDocument.Parse(Encoding.UTF8.GetBytes("{\"detail\":" + raw + "}"));
        foreach (var type in operation.FaultDetails)
        {
            var message = new RpcMessage("detail", [protocol.DetailMember(operation, type)]);
            if (protocol.ReadValues(wrapped.RootElement, message) is [var value])
            {
                return value;
            }
        }

        return null;
    }

    private static string? Text(JsonElement obj, string name)
        => obj.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
