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

    /// <summary>Every response the page received, with its status (a refused form post is a 403 navigation).</summary>
    public List<(string Url, int Status)> Responses { get; } = [];

    public static async Task<DashboardBrowser> OpenAsync(Uri url, int expectedStatus = 200)
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
        browser.Page.Response += (_, response) => { lock (browser.Responses) { browser.Responses.Add((response.Url, response.Status)); } };
        var response = await browser.Page.GotoAsync(url.ToString());
        Assert.Equal(expectedStatus, response!.Status);
        return browser;
    }

    public ILocator ByTestId(string testId) => Page.GetByTestId(testId);

    /// <summary>
    /// How the page shows a handle in tables and titles: the engine id and the first 6 hex digits of the secret
    /// (<c>17-9f86d0…</c>); the whole handle is in the element's <c>title</c>.
    /// </summary>
    public static string ShortId(string handle)
    {
        var match = System.Text.RegularExpressions.Regex.Match(handle, "^(.+)-([0-9a-f]{32})$");
        Assert.True(match.Success, $"'{handle}' is not a task handle.");
        var head = match.Groups[1].Value.Length > 12 ? match.Groups[1].Value[..8] + "…" : match.Groups[1].Value;
        return head + "-" + match.Groups[2].Value[..6] + "…";
    }

    /// <summary>The row of the task list showing the task with this handle.</summary>
    public ILocator TaskRow(string id) => Page.Locator($"[data-testid=task-row][data-task-id='{id}']");

    /// <summary>Opens a task's page from the list in <paramref name="tab"/>, by its handle (back to the overview first).</summary>
    public async Task OpenTaskAsync(string tab, string id)
    {
        await BackToOverviewAsync();
        await ByTestId("tab-" + tab).ClickAsync();
        await TaskRow(id).GetByTestId("task-open").ClickAsync();
        await Assertions.Expect(ByTestId("detail-id")).ToHaveTextAsync(ShortId(id));
        await Assertions.Expect(ByTestId("detail-handle")).ToHaveTextAsync(id);
        Assert.EndsWith("#/tasks/" + Uri.EscapeDataString(id), Page.Url, StringComparison.Ordinal);
    }

    /// <summary>From a task's page, follows its link back to the overview (the lists, counts and workers).</summary>
    public async Task BackToOverviewAsync()
    {
        if (await ByTestId("task-page").IsVisibleAsync())
        {
            await ByTestId("detail-close").ClickAsync();
        }

        await Assertions.Expect(ByTestId("overview")).ToBeVisibleAsync();
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
