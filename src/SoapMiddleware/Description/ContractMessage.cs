namespace SoapMiddleware.Description;

/// <summary>
/// A request or response declared by a type rather than by parameters (a WCF message contract): the wrapper element,
/// the members that are its children and the members that travel as SOAP headers. The operation takes one instance
/// of <see cref="ContractType"/> (built from those parts) or returns one (taken apart into them).
/// </summary>
internal sealed record ContractMessage(Type ContractType, string WrapperName, IReadOnlyList<ContractMessagePart> Body, IReadOnlyList<ContractMessagePart> Headers);
