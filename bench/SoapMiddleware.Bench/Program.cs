using SoapMiddleware.Bench;
using SoapMiddleware.Bench.SoapCore;

// Modes (the first argument); servers take --urls like any ASP.NET Core app:
//   ceiling <echo|getorder|add> --urls URL   plain Kestrel, fixed response bytes captured from the real pipeline
//   json-ceiling --urls URL                 plain Kestrel at POST /json/calculator/{operation}, fixed JSON Echo response
//   bare --urls URL                          the sample service, no wrappers or listeners
//   wrapped --urls URL                       the sample service with 3 call wrappers and 2 listeners
//   client URL [seconds] [callers] [rounds]  one RpcClient, 64 callers, Echo at the sample app at URL, vs a hand-written HttpClient loop
//   client-micro URL [N]                     one client's own cost per call (no network), against an HttpClient post of the same bytes
//   wsdl-timing CORPUS CACHE_DIR             WsdlImporter on the corpus's biggest WSDLs: cold, parse, disk and memory cache hits, each alone and with the mapping to a client
//   micro [bare|wrapped] [op|json-echo] [N] in-process loop through the pipeline stages
//   soapcore --urls URL                      the WCF-contract twin on SoapCore
var mode = args.Length > 0 ? args[0] : "";
var rest = args.Skip(1).ToArray();
switch (mode)
{
    case "ceiling":
        await CeilingServer.RunAsync(rest);
        break;
    case "json-ceiling":
        await JsonCeilingServer.RunAsync(rest);
        break;
    case "bare":
        await ServiceServer.RunAsync(rest, wrapped: false);
        break;
    case "wrapped":
        await ServiceServer.RunAsync(rest, wrapped: true);
        break;
    case "soapcore":
        await SoapCoreServer.RunAsync(rest);
        break;
    case "micro":
        await MicroLoop.RunAsync(rest);
        break;
    case "client":
        await SoapMiddleware.Bench.Client.ClientLoad.RunAsync(rest);
        break;
    case "client-micro":
        await SoapMiddleware.Bench.Client.ClientMicro.RunAsync(rest);
        break;
    case "wsdl-timing":
        await SoapMiddleware.Bench.Client.WsdlTiming.RunAsync(rest);
        break;
    default:
        Console.Error.WriteLine("usage: SoapMiddleware.Bench ceiling <echo|getorder|add> | json-ceiling | bare | wrapped | micro [bare|wrapped] [op|json-echo] [N] | soapcore | client URL [s] [callers] [rounds] | client-micro URL [N] | wsdl-timing CORPUS CACHE_DIR  (--urls http://127.0.0.1:PORT)");
        Environment.Exit(2);
        break;
}
