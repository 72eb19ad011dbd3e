using System.CommandLine;
using SoapMiddleware.Tool.Inspect;

// `soapmw call` is not here yet: it needs the dynamic client (RpcClient), which builds on the service description.
var root = new RootCommand("SoapMiddleware's command line: inspect a WSDL.")
{
    InspectCommand.Create(),
};
return await root.Parse(args).InvokeAsync();
