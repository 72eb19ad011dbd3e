using System.CommandLine;
using SoapMiddleware.Client.Calls;
using SoapMiddleware.Client.Hosting;
using SoapMiddleware.Client.Wsdl;

namespace SoapMiddleware.Tool.Call;

/// <summary>
/// <c>soapmw call &lt;url-or-file&gt; &lt;operation&gt; [name=value ...] [--xml] [--service S] [--port P] [--address URL]</c>:
/// calls one operation through the dynamic client and prints its result as JSON (the raw response with <c>--xml</c>).
/// Exit codes: 0 done, 1 not callable (WSDL, arguments, HTTP), 2 a SOAP fault (on standard error).
/// </summary>
internal static class CallCommand
{
    public static Command Create()
    {
        var location = new Argument<string>("url-or-file") { Description = "The WSDL: an http(s) URL or a file path." };
        var operation = new Argument<string>("operation") { Description = "The operation to call." };
        var arguments = new Argument<string[]>("arguments") { Description = "name=value per parameter; nested a.b=1, or a JSON value for a complex or array parameter.", Arity = ArgumentArity.ZeroOrMore };
        var xml = new Option<bool>("--xml") { Description = "Print the raw SOAP response instead of the result as JSON." };
        var service = new Option<string?>("--service") { Description = "The WSDL service (default: the first with a SOAP port)." };
        var port = new Option<string?>("--port") { Description = "The WSDL port (default: the service's first SOAP 1.1 or 1.2 port)." };
        var address = new Option<string?>("--address") { Description = "The endpoint to call instead of the port's soap:address." };
        var command = new Command("call", "Call one operation of a WSDL's SOAP port and print its result as JSON (a fault on standard error, exit code 2).")
        {
            location, operation, arguments, xml, service, port, address,
        };
        command.SetAction((parse, cancellationToken) => RunAsync(
            new CallRequest(parse.GetRequiredValue(location), parse.GetRequiredValue(operation), parse.GetValue(arguments) ?? [], parse.GetValue(xml),
                parse.GetValue(service), parse.GetValue(port), parse.GetValue(address)),
            Console.Out, Console.Error, cancellationToken));
        return command;
    }

    public static async Task<int> RunAsync(CallRequest request, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        RpcClient client;
        Dictionary<string, object?> arguments;
        try
        {
            var options = new RpcClientOptions
            {
                Service = request.Service,
                Port = request.Port,
                Address = request.Address is null ? null : new Uri(request.Address),
            };
            client = await RpcClient.FromWsdlAsync(ToUri(request.Location), options, cancellationToken: cancellationToken);
            var found = client.Description.FindOperation(request.Operation)
                ?? throw new ArgumentException($"the port has no operation '{request.Operation}'; it has {string.Join(", ", client.Description.Operations.Select(o => o.Name))}.");
            arguments = CallArguments.Parse(found.Schema!, request.Arguments);
        }
        catch (Exception e) when (e is WsdlImportException or InvalidOperationException or ArgumentException or UriFormatException or System.Text.Json.JsonException)
        {
            await error.WriteLineAsync($"soapmw: {e.Message}");
            return 1;
        }

        var call = await client.CallWithContextAsync(request.Operation, arguments, cancellationToken);
        var raw = System.Text.Encoding.UTF8.GetString(call.ResponseBytes.Span);
        switch (call.Error)
        {
            case null:
                await output.WriteLineAsync(request.Xml ? raw : ResultJson.Write(call.Result));
                return 0;
            case RpcFaultException fault:
                var subcode = fault.Subcode is null ? "" : $" ({fault.Subcode})";
                await error.WriteLineAsync($"soapmw: fault {fault.Code}{subcode}: {fault.Message}");
                await error.WriteLineAsync(request.Xml ? raw : fault.Detail is { } detail ? ResultJson.Write(detail) : fault.RawDetail ?? "");
                return 2;
            default:
                await error.WriteLineAsync($"soapmw: {call.Error.Message}");
                return 1;
        }
    }

    private static Uri ToUri(string location) =>
        Uri.TryCreate(location, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" or "file"
            ? uri
            : new Uri(Path.GetFullPath(location));
}
