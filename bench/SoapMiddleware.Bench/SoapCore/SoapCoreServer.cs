using global::SoapCore;
using SampleApp.Wcf;

namespace SoapMiddleware.Bench.SoapCore;

/// <summary>
/// The peer: the sample app's WCF-contract twin (<see cref="ICalculator"/>, <see cref="Calculator"/>: the same contract
/// and implementation the sample serves with <c>MapRpc&lt;ICalculator&gt;</c> at <c>/Calculator.svc</c>) hosted by
/// SoapCore 1.2.1.18 at the same path the way its README shows: XmlSerializer mode, otherwise default settings, on the
/// same host settings as the other servers (<see cref="BenchHost"/>) plus the <c>/health</c> route run.sh waits for.
/// </summary>
/// <remarks>
/// XmlSerializer ignores the twin's <c>[DataContract]</c> attributes and writes its public properties in declaration
/// order in the service namespace, which is the order and namespace the data contracts declare, so the answers carry the
/// same elements and values as ours (run.sh checks that before loading).
/// </remarks>
internal static class SoapCoreServer
{
    /// <summary>Where SoapCore serves the calculator, as the sample app serves its WCF-contract twin.</summary>
    public const string Path = "/Calculator.svc";

    public static async Task RunAsync(string[] args)
    {
        var builder = BenchHost.CreateBuilder(args);
        builder.Services.AddSoapCore();
        // A singleton, as SoapCore's README registers services (the sample resolves its twin per call, a cheap object).
        builder.Services.AddSingleton<ICalculator, Calculator>();
        var app = builder.Build();
        app.MapGet("/health", () => Results.Ok(new { status = "ok" }));
        ((IApplicationBuilder)app).UseSoapEndpoint<ICalculator>(Path, new SoapEncoderOptions(), SoapSerializer.XmlSerializer);
        await app.RunAsync();
    }
}
