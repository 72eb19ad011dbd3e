using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SoapMiddleware.Dashboard.Tests.Infrastructure;
using SoapMiddleware.Queue.Storage;
using static Microsoft.Playwright.Assertions;

namespace SoapMiddleware.Dashboard.Tests;

/// <summary>What a person sees on <c>/rpc-dashboard</c> of the sample app, in headless chromium.</summary>
public sealed class DashboardPageTests
{
    private static readonly string[] States = ["Enqueued", "Scheduled", "Processing", "Succeeded", "Failed", "Deleted"];

    [ChromiumFact]
    public async Task Page_SettledQueue_ShowsCountsPerStateAndQueueMatchingTheApi()
    {
        await using var app = await DashboardApp.StartAsync();
        var add = await app.EnqueueAsync("Add", 1, 2);
        var divide = await app.EnqueueAsync("Divide", 1, 0);
        await app.EnqueueAsync("Add", 3, 4, delaySeconds: 3600);
        await app.WaitForStateAsync(add, "Succeeded");
        await app.WaitForStateAsync(divide, "Failed");

        await using var browser = await DashboardBrowser.OpenAsync(app.DashboardUrl);

        var stats = await app.GetJsonAsync("/queue/api/stats");
        foreach (var state in States)
        {
            var expected = Count(stats.GetProperty("byState"), state);
            await Expect(browser.ByTestId("count-" + state)).ToHaveTextAsync(expected.ToString());
            await Expect(browser.ByTestId("tab-count-" + state)).ToHaveTextAsync(expected.ToString());
        }

        Assert.Equal(1, Count(stats.GetProperty("byState"), "Succeeded"));
        var queueRow = browser.Page.Locator("[data-testid=stats-row-queue][data-queue=default]");
        foreach (var state in States)
        {
            var expected = Count(stats.GetProperty("byQueue").GetProperty("default"), state);
            await Expect(queueRow.Locator($"td[data-state={state}]")).ToHaveTextAsync(expected.ToString());
        }
    }

    [ChromiumFact]
    public async Task FailedTab_DivideByZero_ListedWithFaultTextAndHistory()
    {
        await using var app = await DashboardApp.StartAsync();
        var divide = await app.EnqueueAsync("Divide", 7, 0);
        await app.WaitForStateAsync(divide, "Failed");
        await using var browser = await DashboardBrowser.OpenAsync(app.DashboardUrl);

        await browser.ByTestId("tab-Failed").ClickAsync();
        await Expect(browser.ByTestId("tab-Failed")).ToHaveAttributeAsync("aria-selected", "true");
        var row = browser.Page.Locator($"[data-testid=task-row][data-task-id='{divide}']");
        await Expect(row.GetByTestId("task-operation")).ToHaveTextAsync("Divide");
        await row.GetByTestId("task-open").ClickAsync();

        await Expect(browser.ByTestId("detail-state")).ToHaveTextAsync("Failed");
        await Expect(browser.ByTestId("detail-fault-text")).ToHaveTextAsync("Division by zero.");
        // The stored SOAP fault is shown as text: its markup is visible, never parsed into the page.
        await Expect(browser.ByTestId("detail-outcome")).ToContainTextAsync("<faultstring>Division by zero.</faultstring>");
        Assert.Equal(0, await browser.Page.EvaluateAsync<int>("document.getElementsByTagName('faultstring').length"));
        await Expect(browser.ByTestId("detail-attempts")).ToHaveTextAsync("1 of 10");
        await Expect(browser.ByTestId("detail-finished")).Not.ToBeEmptyAsync();
        await Expect(browser.ByTestId("history-reason")).ToHaveTextAsync(["Enqueued", "Fetched, attempt 1", "Client fault, not retried: Division by zero."]);
    }

    [ChromiumFact]
    public async Task RetryButton_FailedTask_ConfirmsAndHistoryGainsRetriedByUser()
    {
        await using var app = await DashboardApp.StartAsync();
        var divide = await app.EnqueueAsync("Divide", 1, 0);
        await app.WaitForStateAsync(divide, "Failed");
        await using var browser = await DashboardBrowser.OpenAsync(app.DashboardUrl);
        await browser.OpenTaskAsync("Failed", divide);

        string? question = null;
        browser.Page.Dialog += async (_, dialog) => { question = dialog.Message; await dialog.AcceptAsync(); };
        await browser.ByTestId("detail-retry").ClickAsync();

        await Expect(browser.ByTestId("history-reason").Filter(new() { HasText = "Retried by user" })).ToHaveCountAsync(1);
        Assert.Equal($"Retry task #{divide}? It is enqueued again.", question);
        var history = (await app.GetJsonAsync($"/queue/api/tasks/{divide}")).GetProperty("history").EnumerateArray();
        Assert.Contains(history, h => h.GetProperty("reason").GetString() == "Retried by user");
    }

    [ChromiumFact]
    public async Task DeleteButton_ConfirmDismissedThenAccepted_DeletesOnlyAfterConfirm()
    {
        await using var app = await DashboardApp.StartAsync();
        var divide = await app.EnqueueAsync("Divide", 1, 0);
        await app.WaitForStateAsync(divide, "Failed");
        await using var browser = await DashboardBrowser.OpenAsync(app.DashboardUrl);
        await browser.OpenTaskAsync("Failed", divide);

        browser.Page.Dialog += DismissOnce;
        await browser.ByTestId("detail-delete").ClickAsync();
        await Expect(browser.ByTestId("detail-state")).ToHaveTextAsync("Failed");
        Assert.Equal("Failed", await app.TaskStateAsync(divide));

        browser.Page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await browser.ByTestId("detail-delete").ClickAsync();

        await Expect(browser.ByTestId("detail-state")).ToHaveTextAsync("Deleted");
        await Expect(browser.ByTestId("detail-delete")).ToBeDisabledAsync();
        Assert.Equal("Deleted", await app.TaskStateAsync(divide));
        await browser.ByTestId("tab-Deleted").ClickAsync();
        await Expect(browser.Page.Locator($"[data-testid=task-row][data-task-id='{divide}']")).ToHaveCountAsync(1);
        await browser.ByTestId("tab-Failed").ClickAsync();
        await Expect(browser.ByTestId("task-row")).ToHaveCountAsync(0);

        void DismissOnce(object? sender, IDialog dialog)
        {
            browser.Page.Dialog -= DismissOnce;
            _ = dialog.DismissAsync();
        }
    }

    [ChromiumFact]
    public async Task WorkersTable_SleepRunning_ShowsFourWorkersAndItsProgress()
    {
        await using var app = await DashboardApp.StartAsync();
        await using var browser = await DashboardBrowser.OpenAsync(app.DashboardUrl);
        await Expect(browser.ByTestId("worker-row")).ToHaveCountAsync(4);
        await Expect(browser.ByTestId("workers-table").Locator("thead th")).ToHaveTextAsync(
            ["Worker", "Host", "PID", "State", "Current task", "Progress", "Processed", "Failed", "Last task", "Started", "Heartbeat"]);

        var sleep = await app.EnqueueSleepAsync(15); // long enough to be seen running on a loaded machine; deleted at the end

        var running = browser.Page.Locator("[data-testid=worker-row][data-state=Processing]");
        await Expect(running).ToHaveCountAsync(1);
        await Expect(running.GetByTestId("worker-task")).ToHaveTextAsync("#" + sleep);
        await Expect(running.GetByTestId("worker-progress-message")).ToHaveTextAsync(new Regex(@"^\d+% slept ([1-9]|1[0-4]) of 15 s$"));
        await Expect(running.Locator("progress")).ToHaveAttributeAsync("value", new Regex(@"^\d+$"));
        await Expect(browser.Page.Locator("[data-testid=worker-row][data-state=Dead]")).ToHaveCountAsync(0);

        await running.GetByTestId("worker-task").GetByRole(AriaRole.Button).ClickAsync();
        await Expect(browser.ByTestId("detail-state")).ToHaveTextAsync("Processing");
        await Expect(browser.ByTestId("detail-progress")).ToContainTextAsync("of 15 s");
        await app.DeleteAsync(sleep);
    }

    [ChromiumFact]
    public async Task WorkersTable_DeadWorkerRow_VisiblyMarkedDead()
    {
        await using var app = await DashboardApp.StartAsync();
        await app.Queue.Storage.HeartbeatWorkerAsync(new WorkerStatus
        {
            WorkerId = "gone-host:4242:dead/1", Host = "gone-host", ProcessId = 4242, State = WorkerState.Dead, LastTaskId = 17, StartedAt = DateTimeOffset.UtcNow,
        });

        await using var browser = await DashboardBrowser.OpenAsync(app.DashboardUrl);

        await Expect(browser.ByTestId("worker-row")).ToHaveCountAsync(5);
        var dead = browser.Page.Locator("[data-testid=worker-row][data-worker-id='gone-host:4242:dead/1']");
        await Expect(dead).ToHaveClassAsync("dead");
        await Expect(dead.GetByTestId("worker-state")).ToHaveTextAsync("DeadDEAD");
        await Expect(browser.Page.Locator("[data-testid=worker-row].dead")).ToHaveCountAsync(1);
    }

    [ChromiumFact]
    public async Task Page_LoadAndUse_NoConsoleErrorsAndOnlyRequestsTo127001()
    {
        await using var app = await DashboardApp.StartAsync();
        var add = await app.EnqueueAsync("Add", 20, 22);
        var divide = await app.EnqueueAsync("Divide", 1, 0);
        await app.WaitForStateAsync(add, "Succeeded");
        await app.WaitForStateAsync(divide, "Failed");
        await using var browser = await DashboardBrowser.OpenAsync(app.DashboardUrl);

        await browser.OpenTaskAsync("Succeeded", add);
        await Expect(browser.ByTestId("detail-outcome")).ToContainTextAsync("<tns:AddResult>42</tns:AddResult>");
        Assert.Equal(0, await browser.Page.EvaluateAsync<int>("document.getElementsByTagName('tns:AddResult').length"));
        await browser.OpenTaskAsync("Failed", divide);
        foreach (var state in States)
        {
            await browser.ByTestId("tab-" + state).ClickAsync();
            await Expect(browser.ByTestId("tab-" + state)).ToHaveAttributeAsync("aria-selected", "true");
        }

        await Expect(browser.ByTestId("worker-row")).ToHaveCountAsync(4);
        await Expect(browser.ByTestId("error")).ToBeEmptyAsync();

        Assert.Empty(browser.ConsoleErrors);
        Assert.NotEmpty(browser.Requests);
        Assert.All(browser.Requests, url => Assert.Equal("127.0.0.1", new Uri(url).Host));
    }

    [ChromiumFact]
    public async Task Paging_TwentyFiveScheduledTasks_TwoPagesOfTwentyAndFive()
    {
        await using var app = await DashboardApp.StartAsync();
        for (var i = 0; i < 25; i++)
        {
            await app.EnqueueAsync("Add", i, 1, delaySeconds: 3600);
        }

        await using var browser = await DashboardBrowser.OpenAsync(app.DashboardUrl);
        await browser.ByTestId("tab-Scheduled").ClickAsync();
        await Expect(browser.ByTestId("task-row")).ToHaveCountAsync(20);
        await Expect(browser.ByTestId("page-label")).ToHaveTextAsync("Page 1 of 2");
        await Expect(browser.ByTestId("page-prev")).ToBeDisabledAsync();

        await browser.ByTestId("page-next").ClickAsync();
        await Expect(browser.ByTestId("task-row")).ToHaveCountAsync(5);
        await Expect(browser.ByTestId("page-label")).ToHaveTextAsync("Page 2 of 2");
        await Expect(browser.ByTestId("page-next")).ToBeDisabledAsync();

        await browser.ByTestId("page-prev").ClickAsync();
        await Expect(browser.ByTestId("task-row")).ToHaveCountAsync(20);
    }

    [ChromiumFact]
    public async Task PauseButton_Paused_StopsPollingUntilResumed()
    {
        await using var app = await DashboardApp.StartAsync();
        await using var browser = await DashboardBrowser.OpenAsync(app.DashboardUrl);
        await Expect(browser.ByTestId("worker-row")).ToHaveCountAsync(4);

        await browser.ByTestId("refresh-toggle").ClickAsync();
        await Expect(browser.ByTestId("refresh-toggle")).ToHaveAttributeAsync("aria-pressed", "true");
        var add = await app.EnqueueAsync("Add", 1, 1);
        await app.WaitForStateAsync(add, "Succeeded");
        var before = StatsRequests(browser);
        await Task.Delay(2_500); // longer than one refresh period: a page that still polled would ask again
        Assert.Equal(before, StatsRequests(browser));
        await Expect(browser.ByTestId("count-Succeeded")).ToHaveTextAsync("0");

        await browser.ByTestId("refresh-toggle").ClickAsync();
        await Expect(browser.ByTestId("refresh-toggle")).ToHaveAttributeAsync("aria-pressed", "false");
        await Expect(browser.ByTestId("count-Succeeded")).ToHaveTextAsync("1");
    }

    private static int StatsRequests(DashboardBrowser browser)
    {
        lock (browser.Requests)
        {
            return browser.Requests.Count(url => url.EndsWith("/queue/api/stats", StringComparison.Ordinal));
        }
    }

    private static long Count(JsonElement counts, string state) => counts.TryGetProperty(state, out var n) ? n.GetInt64() : 0;
}
