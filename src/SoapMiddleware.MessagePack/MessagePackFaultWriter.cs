using MessagePack;

namespace SoapMiddleware.MessagePack;

/// <summary>
/// Writes a fault as the JSON protocol does, in MessagePack: <c>{"fault": {"code": "Client", "message": "...",
/// "subcode": "...", "detail": {...}}}</c>. <c>subcode</c> and <c>detail</c> appear only when set; the detail is the
/// typed detail of a <see cref="RpcFault{TDetail}"/>, or, only with <see cref="RpcOptions.IncludeExceptionDetails"/>,
/// the unhandled exception's type, message and stack trace.
/// </summary>
internal static class MessagePackFaultWriter
{
    public static void Write(ref MessagePackWriter writer, Description.RpcDescription description, RpcOptions options, RpcFault fault, Exception? error)
    {
        var exception = error is RpcFault ? error.InnerException : error;
        var withDetail = fault.DetailType is not null || (options.IncludeExceptionDetails && exception is not null);
        writer.WriteMapHeader(1);
        writer.Write("fault");
        writer.WriteMapHeader(2 + (fault.Subcode is null ? 0 : 1) + (withDetail ? 1 : 0));
        writer.Write("code");
        writer.Write(fault.Code.ToString());
        writer.Write("message");
        writer.Write(fault.Message);
        if (fault.Subcode is not null)
        {
            writer.Write("subcode");
            writer.Write(fault.Subcode);
        }

        if (fault.DetailType is { } detailType)
        {
            writer.Write("detail");
            MessagePackModelWriter.WriteValue(ref writer, description.Model.GetType(detailType), fault.Detail, 0);
        }
        else if (withDetail)
        {
            writer.Write("detail");
            writer.WriteMapHeader(3);
            writer.Write("type");
            writer.Write(exception!.GetType().FullName);
            writer.Write("message");
            writer.Write(exception.Message);
            writer.Write("stackTrace");
            writer.Write(exception.ToString());
        }
    }
}
