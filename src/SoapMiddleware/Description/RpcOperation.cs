using System.Reflection;
using SoapMiddleware.Model;

namespace SoapMiddleware.Description;

/// <summary>One callable operation: the method behind it and the messages it reads and writes.</summary>
public sealed class RpcOperation
{
    private ParameterInfo[]? _wireParameters;

    internal RpcOperation(RpcServiceDescription service, MethodInfo method, string name, string action)
    {
        Service = service;
        Method = method;
        Name = name;
        Action = action;
    }

    /// <summary>
    /// The parameters a request carries, in wire order (<see cref="CancellationToken"/> and <see cref="MethodContext"/>
    /// parameters are filled in by the pipeline and are not listed): what a protocol of your own reads into
    /// <see cref="MethodContext.InObject"/>, one value per parameter, converted to its <see cref="ParameterInfo.ParameterType"/>.
    /// An operation whose request a contract type declares (a WCF message contract) lists none: its parts are that
    /// type's members, and the pipeline builds the one argument from them.
    /// </summary>
    public IReadOnlyList<ParameterInfo> WireParameters => _wireParameters ??= Method.GetParameters()
        .Select((parameter, i) => (parameter, source: Parameters[i]))
        .Where(p => p.source.Kind == ParameterSourceKind.Wire)
        .OrderBy(p => p.source.WireIndex)
        .Select(p => p.parameter)
        .ToArray();

    /// <summary>The service that declares the operation.</summary>
    public RpcServiceDescription Service { get; }

    /// <summary>The user's method.</summary>
    public MethodInfo Method { get; }

    /// <summary>The operation name, unique in its application.</summary>
    public string Name { get; }

    /// <summary>The SOAPAction that routes to this operation.</summary>
    public string Action { get; }

    /// <summary>Whether the method returns nothing (void, <see cref="Task"/>, <see cref="ValueTask"/>), or a schema operation's response has no parts.</summary>
    public bool IsVoid => VoidResult ?? Invoker.IsVoid;

    /// <summary>
    /// What a description built from a schema (<see cref="Schema.SchemaDescriptionBuilder"/>) declares for this operation:
    /// its parts and their types. Null for an operation described from a C# method.
    /// </summary>
    public Schema.SchemaOperation? Schema { get; internal init; }

    /// <summary>The SOAP binding's style of the operation; <see cref="RpcBindingStyle.Document"/> unless a schema description says otherwise.</summary>
    public RpcBindingStyle Style { get; internal init; }

    /// <summary>The SOAP binding's use of the operation's body; <see cref="RpcBodyUse.Literal"/> unless a schema description says otherwise.</summary>
    public RpcBodyUse Use { get; internal init; }

    /// <summary>Set for operations without a method (a schema's): whether the response has no parts.</summary>
    internal bool? VoidResult { get; init; }

    /// <summary>Whether the caller expects no response (WCF <c>IsOneWay</c>): over HTTP a successful call answers 202 with no body.</summary>
    public bool IsOneWay { get; internal init; }

    /// <summary>Method-level listeners: they fire last, after application- and service-level ones.</summary>
    public RpcEvents Events { get; } = new();

    /// <summary>The wrappers of this operation, composed around the core per call.</summary>
    internal Wrappers.CallWrapperChain Chain { get; set; } = null!;

    /// <summary>The size of the last response written, so the next buffer starts large enough (a hint; races are harmless).</summary>
    internal int ResponseSizeHint { get; set; } = 768;

    internal RpcMessage Request { get; init; } = null!;

    /// <summary>
    /// The wire arguments of a call of <see cref="Method"/>, in the order of <see cref="WireParameters"/>: what a
    /// protocol writes for a call a producer describes as a C# method call (the queue's typed producer).
    /// </summary>
    /// <param name="argumentOf">The value of the method's parameter at an index; asked only for the parameters that go on the wire.</param>
    public object?[] WireArguments(Func<int, object?> argumentOf)
    {
        ArgumentNullException.ThrowIfNull(argumentOf);
        var wire = new object?[Request.Members.Count];
        for (var i = 0; i < Parameters.Length; i++)
        {
            if (Parameters[i].Kind == ParameterSourceKind.Wire)
            {
                wire[Parameters[i].WireIndex] = argumentOf(i);
            }
        }

        return wire;
    }

    internal RpcMessage Response { get; init; } = null!;

    /// <summary>
    /// The result of a response whose parts read as <paramref name="values"/>: null for a void operation, the one part's
    /// value, or (a schema operation's response with several parts) an <see cref="RpcRecord"/> of them.
    /// </summary>
    internal object? ResultOf(object?[] values)
        => IsVoid ? null : values.Length == 1 || Schema is null ? values[0] : Description.Schema.RecordAccessor.Record([.. Response.Members.Select(m => m.Name)], values);

    /// <summary>How each method parameter gets its value.</summary>
    internal ParameterSource[] Parameters { get; init; } = [];

    internal IReadOnlyList<OperationHeader> Headers { get; init; } = [];

    internal IReadOnlyList<RpcType> FaultDetails { get; init; } = [];

    internal OperationInvoker Invoker { get; init; } = null!;

    /// <summary>The request's contract message, when a contract type declares the request instead of parameters.</summary>
    internal ContractMessageBinding? RequestContract { get; init; }

    /// <summary>The response's contract message, when the method returns a contract type.</summary>
    internal ContractMessageBinding? ResponseContract { get; init; }

    /// <summary>The values of <see cref="Response"/>'s parts for the method's result.</summary>
    internal object?[] ResponseValues(object? result)
        => IsVoid ? [] : ResponseContract is { } contract ? contract.BodyValues(result) : [result];

    /// <summary>
    /// The value of an out header for this call: a contract header is read from the result, any other from
    /// <see cref="MethodContext.SetOutHeader{T}"/>. False when the response has no value for it.
    /// </summary>
    internal bool TryGetOutHeader(OperationHeader header, MethodContext context, out object? value)
    {
        value = null;
        if (header.ContractPart is { } part)
        {
            value = context.OutObject is { } result ? part.GetValue(result) : null;
            return value is not null;
        }

        return context.OutHeaders is { } set && set.TryGetValue(header.Type.ClrType, out value);
    }
}
