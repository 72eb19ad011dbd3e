using System.Collections.Concurrent;
using System.Reflection;
using System.ServiceModel;

namespace SoapMiddleware.ServiceModel.Faults;

/// <summary>
/// Turns WCF's <see cref="FaultException"/> and <see cref="FaultException{TDetail}"/> into the pipeline's
/// <see cref="RpcFault"/> and <see cref="RpcFault{TDetail}"/>: a sender code is <see cref="RpcFaultCode.Client"/>, a
/// receiver code <see cref="RpcFaultCode.Server"/>, the first subcode (or a custom code's name) the subcode, the reason
/// the message, the typed detail the detail. Other exceptions pass through unchanged.
/// </summary>
internal static class FaultTranslator
{
    private static readonly ConcurrentDictionary<Type, ConstructorInfo> TypedFaults = new();

    public static Exception Translate(Exception exception)
    {
        if (exception is not FaultException fault)
        {
            return exception;
        }

        var code = fault.Code;
        var rpcCode = code.IsReceiverFault ? RpcFaultCode.Server : RpcFaultCode.Client;
        var subcode = code.SubCode?.Name ?? (code.IsSenderFault || code.IsReceiverFault ? null : code.Name);
        var message = fault.Reason.GetMatchingTranslation()?.Text ?? fault.Message;
        var type = fault.GetType();
        while (type is not null && !(type.IsGenericType && type.GetGenericTypeDefinition() == typeof(FaultException<>)))
        {
            type = type.BaseType;
        }

        if (type is null)
        {
            return new RpcFault(rpcCode, message, subcode);
        }

        var detailType = type.GetGenericArguments()[0];
        var detail = type.GetProperty(nameof(FaultException<object>.Detail))!.GetValue(fault);
        var constructor = TypedFaults.GetOrAdd(detailType, t => typeof(RpcFault<>).MakeGenericType(t)
            .GetConstructor([typeof(RpcFaultCode), typeof(string), t, typeof(string)])!);
        return (Exception)constructor.Invoke([rpcCode, message, detail, subcode]);
    }
}
