namespace SoapMiddleware.ServiceModel.Tests.Infrastructure;

/// <summary>The sample app on a real Kestrel on 127.0.0.1 and a free port, its queue in a temporary directory.</summary>
public sealed class SampleHost : IAsyncLifetime
{
    private SampleAppHost? _app;

    public Uri BaseAddress => _app!.BaseAddress;

    public Uri CalculatorSvc => new(BaseAddress, "/Calculator.svc");

    public HttpClient Client => _app!.Client;

    public async Task InitializeAsync() => _app = await SampleAppHost.StartAsync("soapmw-wcf-sample-", []);

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
