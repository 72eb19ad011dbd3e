using System.Reflection;
using System.ServiceModel;

namespace SoapMiddleware.ServiceModel.Contracts;

/// <summary>Refuses contract-level and operation-level attributes whose meaning the pipeline does not reproduce.</summary>
internal static class ContractAttributeCheck
{
    public static void CheckContract(Type contract, ServiceContractAttribute attribute)
    {
        var name = contract.FullName ?? contract.Name;
        if (contract.GetCustomAttribute<XmlSerializerFormatAttribute>() is { } xml && (xml.Style != OperationFormatStyle.Document || xml.Use != OperationFormatUse.Literal))
        {
            throw ContractRefusal.Create(name, $"[XmlSerializerFormat(Style = {xml.Style}, Use = {xml.Use})]", "only document/literal wrapped is served");
        }

        if (contract.GetCustomAttribute<DataContractFormatAttribute>() is { Style: OperationFormatStyle.Rpc })
        {
            throw ContractRefusal.Create(name, "[DataContractFormat(Style = OperationFormatStyle.Rpc)]", "only document/literal wrapped is served");
        }

        if (attribute.CallbackContract is not null || attribute.SessionMode == SessionMode.Required)
        {
            throw ContractRefusal.Create(name, attribute.CallbackContract is not null ? "[ServiceContract(CallbackContract)]" : "[ServiceContract(SessionMode = Required)]", "duplex callbacks and sessions need a stateful channel; each call here is independent");
        }
    }

    public static void CheckOperation(MethodInfo method, OperationContractAttribute attribute, string member)
    {
        if (method.IsDefined(typeof(XmlSerializerFormatAttribute), true) && !method.DeclaringType!.IsDefined(typeof(XmlSerializerFormatAttribute), true))
        {
            throw ContractRefusal.Create(member, "[XmlSerializerFormat] on some operations only", "one endpoint has one type mapping; put [XmlSerializerFormat] on the contract");
        }

        if (attribute.AsyncPattern)
        {
            throw ContractRefusal.Create(member, "[OperationContract(AsyncPattern = true)]", "Begin/End methods are not invoked; declare a Task-returning method instead");
        }

        if (attribute.Action == "*" || attribute.ReplyAction == "*")
        {
            throw ContractRefusal.Create(member, "[OperationContract(Action = \"*\")]", "a catch-all operation takes raw messages, which the pipeline does not hand out");
        }

        if (!attribute.IsInitiating || attribute.IsTerminating)
        {
            throw ContractRefusal.Create(member, "[OperationContract(IsInitiating/IsTerminating)]", "sessions need a stateful channel; each call here is independent");
        }

        if (attribute.IsOneWay && method.ReturnType != typeof(void) && method.ReturnType != typeof(Task))
        {
            throw ContractRefusal.Create(member, "[OperationContract(IsOneWay = true)]", "a one-way operation returns nothing; make it void or Task");
        }

        foreach (var parameter in method.GetParameters())
        {
            if (parameter.ParameterType == typeof(System.ServiceModel.Channels.Message))
            {
                throw ContractRefusal.Create($"{member}({parameter.Name})", "a System.ServiceModel.Channels.Message parameter", "raw messages are not handed out; declare typed parameters");
            }
        }
    }

    public static void CheckFault(FaultContractAttribute fault, string member)
    {
        if (fault.Name is not null || fault.Namespace is not null)
        {
            throw ContractRefusal.Create(member, $"[FaultContract(typeof({fault.DetailType.Name}), Name/Namespace)]", "the detail element is named after its [DataContract] type, in that type's namespace; rename the type or set its [DataContract(Name, Namespace)] instead");
        }
    }
}
