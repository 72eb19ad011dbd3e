using Microsoft.Playwright;

namespace SoapMiddleware.Dashboard.Tests.Infrastructure;

/// <summary>
/// Headless Debian chromium driven by Playwright on one page, recording what a reviewer wants to know afterwards:
/// console errors, uncaught page errors, and every request the page made.
/// </summary>
public sealed class DashboardBrowser : IAsyncDisposable
{
    private static readonly string[] Arguments =
        ["--no-sandbox", "--disable-background-networking", "--disable-gpu", "--no-first-run", "--disable-component-update", "--disable-sync"];

    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    static DashboardBrowser() => Assertions.SetDefaultExpectTimeout(15_000);

    public IPage Page { get; private set; } = null!;

    public List<string> ConsoleErrors { get; } = [];

    public List<string> Requests { get; } = [];

    public static async Task<DashboardBrowser> OpenAsync(Uri url)
    {
        var browser = new DashboardBrowser();
        browser._playwright = await Playwright.CreateAsync();
        browser._browser = await browser._playwright.Chromium.LaunchAsync(new() { ExecutablePath = ChromiumFactAttribute.Executable, Headless = true, Args = Arguments });
        browser.Page = await browser._browser.NewPageAsync();
        browser.Page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                lock (browser.ConsoleErrors) { browser.ConsoleErrors.Add($"console.{message.Type}: {message.Text}"); }
            }
        };
        browser.Page.PageError += (_, error) => { lock (browser.ConsoleErrors) { browser.ConsoleErrors.Add("page error: " + error); } };
        browser.Page.Request += (_, request) => { lock (browser.Requests) { browser.Requests.Add(request.Url); } };
        var response = await browser.Page.GotoAsync(url.ToString());
        Assert.Equal(200, response!.Status);
        return browser;
    }

    public ILocator ByTestId(string testId) => Page.GetByTestId(testId);

    /// <summary>Opens a task's detail from the list in <paramref name="tab"/>.</summary>
    public async Task OpenTaskAsync(string tab, long id)
    {
        await ByTestId("tab-" + tab).ClickAsync();
        await Page.Locator($"[data-testid=task-row][data-task-id='{id}'] [data-testid=task-open]").ClickAsync();
        await Assertions.Expect(ByTestId("detail-id")).ToHaveTextAsync("#" + id);
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
    }
}
