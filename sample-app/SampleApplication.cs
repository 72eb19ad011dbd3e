using SampleApp.Services;

namespace SampleApp;

/// <summary>Builds the sample web app; <c>Program</c> runs it and the end-to-end tests start it on a free port.</summary>
public static class SampleApplication
{
    /// <summary>Creates the app from command-line arguments (<c>--urls</c>, <c>--Queue:Provider</c>, ...).</summary>
    public static WebApplication Create(string[] args)
    {
        // The root appsettings.json is copied next to the binary, so the app finds it whatever the working directory.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });

        builder.Services.AddRpc().AddService<CalculatorService>();

        var app = builder.Build();
        app.MapGet("/health", () => Results.Ok(new { status = "ok" }));
        app.UseRpc("/soap/calculator");
        return app;
    }
}
