namespace SoapMiddleware.Bench;

/// <summary>The host settings every server mode shares: Production, logging at Warning, configuration next to the binary.</summary>
internal static class BenchHost
{
    public static WebApplicationBuilder CreateBuilder(string[] args)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = Environments.Production,
        });
        builder.Configuration["Logging:LogLevel:Default"] = "Warning";
        builder.Configuration["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning";
        return builder;
    }

    /// <summary>A request body from bench/requests (copied next to the binary).</summary>
    public static byte[] Request(string operation)
        => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "requests", operation + ".xml"));

    /// <summary>The SOAPAction the wrk scripts send for an operation file name.</summary>
    public static string Action(string operation) => operation switch
    {
        "echo" => "\"http://example.com/calc/CalculatorService/Echo\"",
        "getorder" => "\"http://example.com/calc/CalculatorService/GetOrder\"",
        "add" => "\"http://example.com/calc/CalculatorService/Add\"",
        _ => throw new ArgumentException($"Unknown operation '{operation}'; expected echo, getorder or add."),
    };
}
