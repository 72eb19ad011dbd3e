using global::SoapCore;

namespace SoapMiddleware.Bench.SoapCore;

/// <summary>
/// The peer: <see cref="IWcfCalculator"/> hosted by SoapCore 1.2.1.18 at <c>/Calculator.svc</c> the way its README
/// shows, default settings and its XmlSerializer mode, on the same host settings as the other servers
/// (<see cref="BenchHost"/>) plus the <c>/health</c> route run.sh waits for.
/// </summary>
internal static class SoapCoreServer
{
    /// <summary>Where SoapCore serves the calculator, as the sample app serves its WCF-contract twin.</summary>
    public const string Path = "/Calculator.svc";

    public static async Task RunAsync(string[] args)
    {
        var builder = BenchHost.CreateBuilder(args);
        builder.Services.AddSoapCore();
        // A singleton, as SoapCore's README registers services: no per-call allocation on its side either.
        builder.Services.AddSingleton<IWcfCalculator, WcfCalculatorService>();
        var app = builder.Build();
        app.MapGet("/health", () => Results.Ok(new { status = "ok" }));
        ((IApplicationBuilder)app).UseSoapEndpoint<IWcfCalculator>(Path, new SoapEncoderOptions(), SoapSerializer.XmlSerializer);
        await app.RunAsync();
    }
}
