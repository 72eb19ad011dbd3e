namespace SoapMiddleware.Description;

/// <summary>
/// A request or response declared by a type rather than by parameters (a WCF message contract): the wrapper element,
/// the members that are its children and the members that travel as SOAP headers. The operation takes one instance
/// of <see cref="ContractType"/> (built from those parts) or returns one (taken apart into them).
/// </summary>
/// <remarks>
/// Unwrapped (<see cref="IsWrapped"/> false), the Body holds the one body member's own element, named
/// <see cref="WrapperName"/> (the member's name): the message's parts are then that member's complex type's members.
/// </remarks>
internal sealed record ContractMessage(Type ContractType, string WrapperName, IReadOnlyList<ContractMessagePart> Body, IReadOnlyList<ContractMessagePart> Headers, bool IsWrapped = true);
