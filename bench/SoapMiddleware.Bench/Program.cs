using SoapMiddleware.Bench;
using SoapMiddleware.Bench.SoapCore;

// Modes (the first argument); servers take --urls like any ASP.NET Core app:
//   ceiling <echo|getorder|add> --urls URL   plain Kestrel, fixed response bytes captured from the real pipeline
//   bare --urls URL                          the sample service, no wrappers or listeners
//   wrapped --urls URL                       the sample service with 3 call wrappers and 2 listeners
//   micro [bare|wrapped] [echo|getorder|add] [N]   in-process pipeline loop: ns/call, bytes/call, stage breakdown
//   soapcore --urls URL                      the peer: the sample's WCF-contract twin on SoapCore at /Calculator.svc
var mode = args.Length > 0 ? args[0] : "";
var rest = args.Skip(1).ToArray();
switch (mode)
{
    case "ceiling":
        await CeilingServer.RunAsync(rest);
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
    default:
        Console.Error.WriteLine("usage: SoapMiddleware.Bench ceiling <echo|getorder|add> | bare | wrapped | micro [bare|wrapped] [op] [N] | soapcore  (--urls http://127.0.0.1:PORT)");
        Environment.Exit(2);
        break;
}
