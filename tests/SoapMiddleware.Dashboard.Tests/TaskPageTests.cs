using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SoapMiddleware.Dashboard.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace SoapMiddleware.Dashboard.Tests;

/// <summary>A task's own page on <c>/rpc-dashboard#/tasks/{handle}</c>, in headless chromium.</summary>
public sealed class TaskPageTests
{
    private const string Markup = "<img src=x onerror=alert(1)>";

    [ChromiumFact]
    public async Task TaskPage_OpenedFromTheList_ShowsArgumentsResultAndHistoryAsText()
    {
        await using var app = await DashboardApp.StartAsync();
        var echo = await app.EnqueueJsonAsync($$$"""{"Echo": {"text": "{{{Markup}}}"}}""");
        await app.WaitForStateAsync(echo, "Succeeded");
        var task = await app.GetTaskAsync(echo);
        await using var browser = await DashboardBrowser.OpenAsync(app.DashboardUrl);
        var dialogs = new List<string>();
        browser.Page.Dialog += async (_, dialog) => { dialogs.Add(dialog.Message); await dialog.DismissAsync(); };

        await browser.OpenTaskAsync("Succeeded", echo);

        await Expect(browser.ByTestId("task-page")).ToBeVisibleAsync();
        await Expect(browser.ByTestId("overview")).ToBeHiddenAsync();
        await Expect(browser.ByTestId("detail-state")).ToHaveTextAsync("Succeeded");
        // The call as people read it (its arguments shortened), as text.
        await Expect(browser.ByTestId("detail-display")).ToContainTextAsync("CalculatorService.Echo(\"<img src=x onerror=alert");
        await Expect(browser.ByTestId("detail-operation")).ToHaveTextAsync("CalculatorService.Echo");
        await Expect(browser.ByTestId("detail-attempts")).ToHaveTextAsync("1 of 10");
        await Expect(browser.ByTestId("detail-worker")).Not.ToBeEmptyAsync();
        // The stored request is the call's arguments: shown as text, its markup never parsed into the page.
        await Expect(browser.ByTestId("detail-arguments")).ToContainTextAsync("\"text\": \"" + Markup + "\"");
        await Expect(browser.ByTestId("detail-arguments-type")).ToContainTextAsync("application/json");
        await Expect(browser.ByTestId("detail-outcome")).ToHaveTextAsync(task.GetProperty("result").GetString()!);
        await Expect(browser.ByTestId("history-state")).ToHaveTextAsync(["Enqueued", "Processing", "Succeeded"]);
        foreach (var at in await browser.ByTestId("history-at").AllAsync())
        {
            await Expect(at).ToHaveAttributeAsync("title", new Regex(@"^\d{4}-\d\d-\d\dT"));
        }

        await Expect(browser.ByTestId("detail-arguments-toggle")).ToBeHiddenAsync();
        Assert.Equal(0, await browser.Page.EvaluateAsync<int>("document.getElementsByTagName('img').length"));
        Assert.Empty(dialogs);
        Assert.Empty(browser.ConsoleErrors);
        await Expect(browser.Page).ToHaveTitleAsync(new Regex("^Task " + Regex.Escape(DashboardBrowser.ShortId(echo))));
    }

    [Fact]
    public async Task TaskPage_ManagementApi_ReturnsThePayloadButThePublicEndpointDoesNot()
    {
        await using var app = await DashboardApp.StartAsync();
        var add = await app.EnqueueAsync("Add", 2, 3);
        await app.WaitForStateAsync(add, "Succeeded");

        var managed = await app.GetTaskAsync(add);
        var published = await app.GetJsonAsync($"/queue/tasks/{add}");

        Assert.Contains("<a>2</a><b>3</b>", managed.GetProperty("payload").GetString());
        Assert.StartsWith("text/xml", managed.GetProperty("payloadContentType").GetString());
        Assert.False(published.TryGetProperty("payload", out _));
        Assert.False(published.TryGetProperty("payloadContentType", out _));
        Assert.Equal(managed.GetProperty("result").GetString(), published.GetProperty("result").GetString());
    }

    [ChromiumFact]
    public async Task TaskPage_RunningSleepByDeepLink_ShowsProgressAndDeleteCancelsIt()
    {
        await using var app = await DashboardApp.StartAsync();
        var sleep = await app.EnqueueSleepAsync(60); // still running however loaded the machine; deleted at the end
        await app.WaitForStateAsync(sleep, "Processing");

        await using var browser = await DashboardBrowser.OpenAsync(new Uri(app.DashboardUrl + "#/tasks/" + Uri.EscapeDataString(sleep)));

        await Expect(browser.ByTestId("detail-handle")).ToHaveTextAsync(sleep);
        await Expect(browser.ByTestId("detail-state")).ToHaveTextAsync("Processing");
        await Expect(browser.ByTestId("detail-progress")).ToHaveTextAsync(new Regex(@"^\d+% slept [1-9]\d* of 60 s$"));
        await Expect(browser.ByTestId("detail-progress-bar")).ToHaveAttributeAsync("value", new Regex(@"^\d+$"));
        await Expect(browser.ByTestId("detail-worker")).Not.ToBeEmptyAsync();
        await Expect(browser.ByTestId("detail-arguments")).ToContainTextAsync("Sleep");

        browser.Page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await browser.ByTestId("detail-delete").ClickAsync();

        await Expect(browser.ByTestId("detail-state")).ToHaveTextAsync("Deleted");
        await Expect(browser.ByTestId("detail-delete")).ToBeDisabledAsync();
        Assert.Equal("Deleted", await app.TaskStateAsync(sleep));
        await Expect(browser.ByTestId("error")).ToBeEmptyAsync();
        Assert.Empty(browser.ConsoleErrors);
    }

    [ChromiumFact]
    public async Task TaskPage_ReloadBackAndForward_KeepTheTaskInTheUrl()
    {
        await using var app = await DashboardApp.StartAsync();
        var add = await app.EnqueueAsync("Add", 2, 3);
        await app.WaitForStateAsync(add, "Succeeded");
        await using var browser = await DashboardBrowser.OpenAsync(app.DashboardUrl);
        await browser.OpenTaskAsync("Succeeded", add);

        await browser.Page.ReloadAsync();
        await Expect(browser.ByTestId("detail-handle")).ToHaveTextAsync(add);
        await Expect(browser.ByTestId("detail-arguments")).ToContainTextAsync("<a>2</a><b>3</b>");
        await Expect(browser.ByTestId("overview")).ToBeHiddenAsync();

        // Back lands on the list the task was opened from: the tab is in the URL too.
        await browser.Page.GoBackAsync();
        await Expect(browser.ByTestId("overview")).ToBeVisibleAsync();
        Assert.EndsWith("#/Succeeded", browser.Page.Url, StringComparison.Ordinal);
        await Expect(browser.ByTestId("tab-Succeeded")).ToHaveAttributeAsync("aria-selected", "true");
        await Expect(browser.ByTestId("task-page")).ToBeHiddenAsync();
        await Expect(browser.TaskRow(add)).ToBeVisibleAsync();

        await browser.Page.GoForwardAsync();
        await Expect(browser.ByTestId("task-page")).ToBeVisibleAsync();
        await Expect(browser.ByTestId("detail-handle")).ToHaveTextAsync(add);

        // Retry from the page: the finished task runs again, and its history says who asked.
        browser.Page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await browser.ByTestId("detail-retry").ClickAsync();
        await Expect(browser.ByTestId("history-reason").Filter(new() { HasText = "Retried by user" })).ToHaveCountAsync(1);
        await Expect(browser.ByTestId("detail-state")).ToHaveTextAsync("Succeeded");
        Assert.Contains("Retried by user", await app.HistoryReasonsAsync(add));
        Assert.Empty(browser.ConsoleErrors);
    }

    [ChromiumFact]
    public async Task TaskPage_UnknownHandle_ShowsNotFoundWithTheHandleAsText()
    {
        await using var app = await DashboardApp.StartAsync();
        const string unknown = "1-00000000000000000000000000000000";
        const string markup = "<b>x</b>";

        await using var browser = await DashboardBrowser.OpenAsync(new Uri(app.DashboardUrl + "#/tasks/" + unknown));
        await Expect(browser.ByTestId("task-not-found")).ToBeVisibleAsync();
        await Expect(browser.ByTestId("task-not-found-handle")).ToHaveTextAsync(unknown);
        await Expect(browser.ByTestId("task-detail")).ToBeHiddenAsync();

        await browser.Page.GotoAsync(app.DashboardUrl + "#/tasks/" + Uri.EscapeDataString(markup));
        await Expect(browser.ByTestId("task-not-found-handle")).ToHaveTextAsync(markup);
        Assert.Equal(0, await browser.Page.EvaluateAsync<int>("document.querySelectorAll('main b').length"));
        await Expect(browser.ByTestId("error")).ToBeEmptyAsync();

        await browser.ByTestId("detail-close").ClickAsync();
        await Expect(browser.ByTestId("overview")).ToBeVisibleAsync();
    }

    [ChromiumFact]
    public async Task TaskPage_LongArgumentsAndResult_FoldedUntilShowAll()
    {
        await using var app = await DashboardApp.StartAsync();
        var text = string.Concat(Enumerable.Range(0, 600).Select(i => $"{i:D4}|"));
        var echo = await app.EnqueueJsonAsync($$$"""{"Echo": {"text": "{{{text}}}"}}""");
        await app.WaitForStateAsync(echo, "Succeeded");
        await using var browser = await DashboardBrowser.OpenAsync(new Uri(app.DashboardUrl + "#/tasks/" + Uri.EscapeDataString(echo)));

        var arguments = browser.ByTestId("detail-arguments");
        await Expect(arguments).ToContainTextAsync("0000|0001|");
        await Expect(arguments).Not.ToContainTextAsync("0599|");
        Assert.Equal(2049, (await arguments.TextContentAsync())!.Length); // 2048 characters and an ellipsis
        var toggle = browser.ByTestId("detail-arguments-toggle");
        await Expect(toggle).ToHaveTextAsync(new Regex(@"^Show all [\d,.]+ characters$"));
        await Expect(toggle).ToHaveAttributeAsync("aria-expanded", "false");
        await Expect(browser.ByTestId("detail-outcome-toggle")).ToBeVisibleAsync();
        await Expect(browser.ByTestId("detail-outcome")).Not.ToContainTextAsync("0599|");

        await toggle.ClickAsync();
        await Expect(arguments).ToContainTextAsync("0599|");
        await Expect(toggle).ToHaveTextAsync("Show less");
        await Expect(toggle).ToHaveAttributeAsync("aria-expanded", "true");
        await Task.Delay(2_500); // a refresh later the reader's choice stands
        await Expect(arguments).ToContainTextAsync("0599|");

        await toggle.ClickAsync();
        await Expect(arguments).Not.ToContainTextAsync("0599|");
        Assert.Empty(browser.ConsoleErrors);
    }

    [ChromiumFact]
    public async Task CrossSiteForm_PostToRetry_RefusedAndTheTaskDoesNotRunAgain()
    {
        await using var app = await DashboardApp.StartAsync();
        var add = await app.EnqueueAsync("Add", 1, 2);
        await app.WaitForStateAsync(add, "Succeeded");
        var target = new Uri(app.BaseAddress, $"/queue/api/tasks/{Uri.EscapeDataString(add)}/retry");
        await using var site = await CrossSiteServer.StartAsync(CrossSiteServer.AutoSubmittingForm(target));
        Assert.NotEqual(app.BaseAddress.Port, site.PageUrl.Port);

        await using var browser = await DashboardBrowser.OpenAsync(site.PageUrl);

        // The answer may be shown or, as problem+json, downloaded: either way the browser saw its status.
        await Wait.UntilAsync(() => Task.FromResult(Answer() is not null), "the cross-site form was posted", TimeSpan.FromSeconds(15));
        Assert.Equal(403, Answer());
        await Task.Delay(1_500); // a retried task would be enqueued and run again by now
        Assert.Equal("Succeeded", await app.TaskStateAsync(add));
        Assert.DoesNotContain("Retried by user", await app.HistoryReasonsAsync(add));
        Assert.Equal(1, (await app.GetTaskAsync(add)).GetProperty("attempt").GetInt32());

        int? Answer()
        {
            lock (browser.Responses)
            {
                return browser.Responses.Where(r => r.Url == target.ToString()).Select(r => (int?)r.Status).FirstOrDefault();
            }
        }
    }
}
