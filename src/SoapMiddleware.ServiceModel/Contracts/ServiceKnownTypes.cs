using System.Reflection;
using System.ServiceModel;
using SoapMiddleware.Description;

namespace SoapMiddleware.ServiceModel.Contracts;

/// <summary>
/// Honours <see cref="ServiceKnownTypeAttribute"/> on a contract or an operation: each type may stand in place of the
/// data contracts it derives from (<c>xsi:type</c>). The model links it to those bases for the whole application, not
/// per operation: a request may carry it wherever one of its bases is declared, which reads more than WCF would, never less.
/// </summary>
internal static class ServiceKnownTypes
{
    public static void Register(MemberInfo owner, string path, ContractTypeScanner scanner, ServiceContractContext context, bool xmlSerializer)
    {
        foreach (var attribute in owner.GetCustomAttributes<ServiceKnownTypeAttribute>(true))
        {
            if (xmlSerializer)
            {
                throw ContractRefusal.Create(path, "[ServiceKnownType] in an [XmlSerializerFormat] contract", "the type model has derived types in place of a base type (xsi:type) for data contracts only");
            }

            if (attribute.DeclaringType is not null)
            {
                throw ContractRefusal.Create(path, $"[ServiceKnownType(\"{attribute.MethodName}\", typeof({attribute.DeclaringType.Name}))]",
                    "the known types are returned by a method, which the type model does not call; list them as [ServiceKnownType(typeof(...))]");
            }

            scanner.ScanKnownType(attribute.Type, attribute.MethodName, null, path, "ServiceKnownType");
            context.AddKnownType(attribute.Type!);
        }
    }
}
