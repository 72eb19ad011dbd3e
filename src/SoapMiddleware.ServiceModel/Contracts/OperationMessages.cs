using SoapMiddleware.Description;

namespace SoapMiddleware.ServiceModel.Contracts;

/// <summary>An operation's name and its message contracts, as the reader found them: what the header-name check reads.</summary>
/// <param name="Operation">The operation name.</param>
/// <param name="Request">The request's message contract, or null for parameters.</param>
/// <param name="Response">The response's message contract, or null for a result.</param>
internal sealed record OperationMessages(string Operation, ContractMessage? Request, ContractMessage? Response)
{
    /// <summary>The request's wrapper element: the contract's, else the operation's name (<see cref="OperationShape.Name"/>).</summary>
    public string RequestWrapper => Request?.WrapperName ?? Operation;

    /// <summary>The response's wrapper element: the contract's, else <c>{Operation}Response</c>.</summary>
    public string ResponseWrapper => Response?.WrapperName ?? Operation + "Response";

    /// <summary>The header parts of both messages, the request's first.</summary>
    public IEnumerable<ContractMessagePart> Headers => (Request?.Headers ?? []).Concat(Response?.Headers ?? []);
}
