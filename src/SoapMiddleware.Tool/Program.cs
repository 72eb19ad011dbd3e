using System.CommandLine;
using SoapMiddleware.Tool.Call;
using SoapMiddleware.Tool.Inspect;

namespace SoapMiddleware.Tool;

// An explicit entry point, not top-level statements: the tool references ASP.NET Core (through the client), whose
// source generator would otherwise make a top-level Program public API.
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var root = new RootCommand("SoapMiddleware's command line: inspect a WSDL, call its operations.")
        {
            InspectCommand.Create(),
            CallCommand.Create(),
        };
        return await root.Parse(args).InvokeAsync();
    }
}
