using System.Reflection;
using System.ServiceModel;
using SoapMiddleware.Description;
using SoapMiddleware.ServiceModel.Faults;

namespace SoapMiddleware.ServiceModel.Contracts;

/// <summary>
/// Reads a WCF <see cref="ServiceContractAttribute"/> type into the pipeline's service description: its
/// <see cref="OperationContractAttribute"/> methods with WCF's names and actions, <see cref="FaultContractAttribute"/>
/// details, <see cref="MessageParameterAttribute"/> names, <see cref="MessageContractAttribute"/> requests and responses
/// (<see cref="MessageContractReader"/>), and <see cref="FaultException"/> translated to
/// <see cref="RpcFault"/>. What the model cannot express is refused by <see cref="ContractAttributeCheck"/> and
/// <see cref="ContractTypeScanner"/> before anything is described.
/// </summary>
internal sealed class ServiceContractReader : IServiceContractReader
{
    public bool CanRead(Type serviceType) => serviceType.IsDefined(typeof(ServiceContractAttribute), false);

    public string NameOf(Type serviceType) => WcfNaming.ContractName(serviceType, Attribute(serviceType));

    public string NamespaceOf(Type serviceType) => WcfNaming.Namespace(Attribute(serviceType));

    public RpcServiceDescription Read(Type serviceType, ServiceContractContext context)
    {
        var contract = Attribute(serviceType);
        var name = WcfNaming.ContractName(serviceType, contract);
        var ns = WcfNaming.Namespace(contract);
        ContractAttributeCheck.CheckContract(serviceType, contract);
        var xmlFormat = serviceType.GetCustomAttribute<XmlSerializerFormatAttribute>();
        var scanner = new ContractTypeScanner(ns, xmlSerializer: xmlFormat is not null);
        if (xmlFormat is null)
        {
            // DataContractSerializer's namespaces: a data contract's own, ArrayOfint in its Arrays namespace.
            context.UseDataContractNamespaces(serviceType.Name);
        }
        else if (context.UsesDataContractNamespaces)
        {
            throw ContractRefusal.Create(serviceType.Name, "[XmlSerializerFormat]", "another contract of the same application uses DataContractSerializer, whose namespaces XmlSerializer does not write; map the contracts at separate paths");
        }

        // Fault details go through DataContractSerializer unless [XmlSerializerFormat(SupportFaults = true)]; beside
        // XmlSerializer's types they must share the contract's namespace.
        var faultScanner = xmlFormat is { SupportFaults: true } ? scanner : new ContractTypeScanner(ns, oneNamespace: xmlFormat is not null);
        // WCF's (and SoapCore's) WSDL names: portType = contract name, binding and port = {binding}_{contract}.
        var service = new RpcServiceDescription(serviceType, name, ns)
        {
            PortTypeName = name,
            Soap11Names = ("BasicHttpBinding_" + name, "BasicHttpBinding_" + name),
            Soap12Names = ("CustomBinding_" + name, "CustomBinding_" + name),
        };
        ServiceKnownTypes.Register(serviceType, serviceType.Name, scanner, context, xmlFormat is not null);
        var operations = new List<RpcOperation>();
        var messages = new List<OperationMessages>();
        foreach (var method in OperationMethods(serviceType))
        {
            var attribute = method.GetCustomAttribute<OperationContractAttribute>()!;
            var operationName = WcfNaming.OperationName(method, attribute);
            var member = $"{serviceType.Name}.{method.Name}";
            if (operations.Any(o => o.Name == operationName))
            {
                // WCF pairs a synchronous method with its ...Async twin into one operation: the first declared serves both.
                if (typeof(Task).IsAssignableFrom(method.ReturnType) || operations.Any(o => o.Name == operationName && typeof(Task).IsAssignableFrom(o.Method.ReturnType)))
                {
                    continue;
                }

                throw new InvalidOperationException($"Contract '{name}' declares the operation '{operationName}' twice ({member}); rename one with [OperationContract(Name = ...)].");
            }

            ContractAttributeCheck.CheckOperation(method, attribute, member);
            ServiceKnownTypes.Register(method, member, scanner, context, xmlFormat is not null);
            var (requestContract, responseContract) = ReadMessageContracts(method, member, ns, scanner);
            foreach (var parameter in requestContract is null ? method.GetParameters() : [])
            {
                scanner.Scan(parameter.ParameterType, $"{member}({parameter.Name})");
            }

            if (responseContract is null)
            {
                scanner.Scan(ResultType(method.ReturnType), $"{member} (result)");
            }
            var faults = method.GetCustomAttributes<FaultContractAttribute>().ToList();
            foreach (var fault in faults)
            {
                ContractAttributeCheck.CheckFault(fault, member);
                faultScanner.Scan(fault.DetailType, $"{member} [FaultContract({fault.DetailType.Name})]");
            }

            var shape = new OperationShape(operationName, attribute.Action ?? WcfNaming.DefaultAction(ns, name, operationName))
            {
                FaultDetailTypes = faults.Select(f => f.DetailType).ToList(),
                ParameterName = p => p.GetCustomAttribute<MessageParameterAttribute>()?.Name ?? p.Name!,
                ResultName = method.ReturnParameter.GetCustomAttribute<MessageParameterAttribute>()?.Name,
                IsOneWay = attribute.IsOneWay,
                RequestContract = requestContract,
                ResponseContract = responseContract,
                NillableReferenceParts = true,
                TranslateError = FaultTranslator.Translate,
            };
            operations.Add(context.AddOperation(service, method, shape));
            messages.Add(new OperationMessages(operationName, requestContract, responseContract));
        }

        if (operations.Count == 0)
        {
            throw new InvalidOperationException($"Contract '{serviceType.FullName}' has no [OperationContract] methods.");
        }

        MessageContractReader.CheckHeaderNames(messages);
        return service;
    }

    // A message contract is a whole message: WCF takes it only as the one parameter, or as the result, and not beside plain ones.
    private static (ContractMessage? Request, ContractMessage? Response) ReadMessageContracts(MethodInfo method, string member, string ns, ContractTypeScanner scanner)
    {
        var parameters = method.GetParameters();
        ContractMessage? request = null;
        if (parameters.FirstOrDefault(p => MessageContractReader.IsMessageContract(p.ParameterType)) is { } contractParameter)
        {
            var path = $"{member}({contractParameter.Name})";
            if (parameters.Length != 1)
            {
                throw ContractRefusal.Create(path, $"[MessageContract] (on '{contractParameter.ParameterType.Name}') beside other parameters", "a message contract is the whole request, as WCF requires: make it the only parameter");
            }

            request = MessageContractReader.Read(contractParameter.ParameterType, ns, scanner, path);
        }

        var result = ResultType(method.ReturnType);
        var response = MessageContractReader.IsMessageContract(result) ? MessageContractReader.Read(result, ns, scanner, $"{member} (result)") : null;

        // WCF refuses to load such an operation: a contract message beside a message of parameters (an empty request and a
        // void response are neither).
        if (request is not null && response is null && result != typeof(void))
        {
            throw ContractRefusal.Create($"{member} (result)", $"[MessageContract] (on '{request.ContractType.Name}') with a result that is not one", "WCF does not mix message contracts with plain parameters or results: return a message contract or nothing");
        }

        if (response is not null && request is null && parameters.Length > 0)
        {
            throw ContractRefusal.Create($"{member}({parameters[0].Name})", $"[MessageContract] (on '{response.ContractType.Name}') with plain parameters", "WCF does not mix message contracts with plain parameters or results: take a message contract or no parameters");
        }

        // Without parameters WCF sends an empty soap:Body, and a request here is routed by its body element.
        if (response is not null && request is null)
        {
            throw ContractRefusal.Create($"{member} (result)", $"[MessageContract] (on '{response.ContractType.Name}') returned by an operation without parameters", "WCF sends such a request with an empty Body, which has no operation element to read; take a message contract (it may have no members)");
        }

        return (request, response);
    }

    private static ServiceContractAttribute Attribute(Type serviceType)
        => serviceType.GetCustomAttribute<ServiceContractAttribute>(false)
            ?? throw new InvalidOperationException($"'{serviceType.FullName}' is not marked [ServiceContract].");

    // The contract's own operations first, then those of the contracts it inherits, each in declaration order.
    private static IEnumerable<MethodInfo> OperationMethods(Type serviceType)
    {
        var types = serviceType.IsInterface ? new[] { serviceType }.Concat(serviceType.GetInterfaces()) : [serviceType];
        return types.SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                .Where(m => m.IsDefined(typeof(OperationContractAttribute), false))
                .OrderBy(m => m.MetadataToken));
    }

    private static Type ResultType(Type returnType)
        => returnType == typeof(Task) || returnType == typeof(ValueTask) ? typeof(void)
        : returnType.IsGenericType && (returnType.GetGenericTypeDefinition() == typeof(Task<>) || returnType.GetGenericTypeDefinition() == typeof(ValueTask<>))
            ? returnType.GetGenericArguments()[0]
            : returnType;
}
