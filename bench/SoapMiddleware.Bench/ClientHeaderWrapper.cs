namespace SoapMiddleware.Bench;

/// <summary>Reads a request header (User-Agent) over HTTP, as an authorization or audit wrapper would.</summary>
internal sealed class ClientHeaderWrapper : ICallWrapper
{
    public static readonly object ClientKey = new();

    public ValueTask<object?> InvokeAsync(MethodContext context, CallNext next)
    {
        if (context.Transport is HttpRpcTransport http)
        {
            var agent = http.HttpContext.Request.Headers.UserAgent.ToString();
            if (agent.Length > 0)
            {
                context.Items[ClientKey] = agent;
            }
        }

        return next(context);
    }
}
