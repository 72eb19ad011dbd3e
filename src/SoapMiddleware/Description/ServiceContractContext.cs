using System.Reflection;
using SoapMiddleware.Model;

namespace SoapMiddleware.Description;

/// <summary>
/// What an <see cref="IServiceContractReader"/> is handed to describe one service type: the description's type model,
/// as far as a contract model changes it (DataContractSerializer's namespaces, known types), and the description of
/// an operation from its method and what the contract says about it (<see cref="OperationShape"/>). Every service of
/// one description shares it, so they share one type model and one set of type names.
/// </summary>
public sealed class ServiceContractContext
{
    internal ServiceContractContext(TypeModel model) => Model = model;

    /// <summary>The namespace of the description: of its operations' messages, and of its types unless a contract model names theirs.</summary>
    public string TargetNamespace => Model.TargetNamespace;

    /// <summary>Whether a contract of this description already switched to DataContractSerializer's namespaces (<see cref="UseDataContractNamespaces"/>).</summary>
    public bool UsesDataContractNamespaces => Model.DataContractNamespaces;

    internal TypeModel Model { get; }

    /// <summary>
    /// Names the data contracts and collections of this description as DataContractSerializer does (a data contract in
    /// its own namespace, <c>ArrayOfint</c> in WCF's Arrays namespace), from now on. Call it before describing a
    /// contract's operations; a type an earlier service already described under another name is an
    /// <see cref="InvalidOperationException"/> naming it.
    /// </summary>
    /// <param name="contractName">The contract asking, named in the error.</param>
    public void UseDataContractNamespaces(string contractName)
    {
        ArgumentNullException.ThrowIfNull(contractName);
        Model.UseDataContractNamespaces(contractName);
    }

    /// <summary>
    /// Lets <paramref name="knownType"/> stand in place of the data contracts it derives from, anywhere in this
    /// description (written and read with <c>xsi:type</c>, or JSON's <c>__type</c> hint).
    /// </summary>
    /// <param name="knownType">A data contract derived from another.</param>
    public void AddKnownType(Type knownType)
    {
        ArgumentNullException.ThrowIfNull(knownType);
        Model.AddKnownType(knownType);
    }

    /// <summary>
    /// Describes <paramref name="method"/> as an operation of <paramref name="service"/>, named, routed and shaped as
    /// <paramref name="shape"/> says, and adds it to <see cref="RpcServiceDescription.Operations"/>. A parameter or
    /// result the type model cannot describe is an <see cref="InvalidOperationException"/> naming the operation and the part.
    /// </summary>
    /// <param name="service">The service being described.</param>
    /// <param name="method">The method behind the operation.</param>
    /// <param name="shape">What the contract says beyond the method.</param>
    /// <returns>The operation added.</returns>
    public RpcOperation AddOperation(RpcServiceDescription service, MethodInfo method, OperationShape shape)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(shape);
        var operation = ServiceDescriptionBuilder.BuildOperation(service, method, shape, Model);
        service.Operations = [.. service.Operations, operation];
        return operation;
    }
}
