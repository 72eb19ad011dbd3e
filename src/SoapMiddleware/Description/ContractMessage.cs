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
/// <param name="ContractType">The message contract type.</param>
/// <param name="WrapperName">The wrapper element's local name; unwrapped, the one body member's element name.</param>
/// <param name="Body">The members that are the body's parts, in wire order.</param>
/// <param name="Headers">The members that travel as SOAP headers.</param>
/// <param name="IsWrapped">Whether the body's parts are children of a wrapper element (WCF's default).</param>
public sealed record ContractMessage(Type ContractType, string WrapperName, IReadOnlyList<ContractMessagePart> Body, IReadOnlyList<ContractMessagePart> Headers, bool IsWrapped = true);
