using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SampleApp.Services;
using SoapMiddleware.Dashboard.Tests.Infrastructure;
using SoapMiddleware.Queue;
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
        var row = browser.TaskRow(divide);
        await Expect(row.GetByTestId("task-call")).ToHaveTextAsync("CalculatorService.Divide(7, 0)");
        await Expect(row.GetByTestId("task-open")).ToHaveTextAsync(DashboardBrowser.ShortId(divide));
        await Expect(row.GetByTestId("task-open")).ToHaveAttributeAsync("title", divide);
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
        Assert.Equal($"Retry task {DashboardBrowser.ShortId(divide)}? It is enqueued again.", question);
        var history = (await app.GetTaskAsync(divide)).GetProperty("history").EnumerateArray();
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
        await browser.BackToOverviewAsync();
        await browser.ByTestId("tab-Deleted").ClickAsync();
        await Expect(browser.TaskRow(divide)).ToHaveCountAsync(1);
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
            ["Worker", "Host", "PID", "State", "Current task", "Operation", "Progress", "Processed", "Failed", "Last task", "Started", "Heartbeat"]);

        var sleep = await app.EnqueueSleepAsync(15); // long enough to be seen running on a loaded machine; deleted at the end

        var running = browser.Page.Locator("[data-testid=worker-row][data-state=Processing]");
        await Expect(running).ToHaveCountAsync(1);
        await Expect(running.GetByTestId("worker-task")).ToHaveTextAsync(DashboardBrowser.ShortId(sleep));
        await Expect(running.GetByTestId("worker-task").GetByRole(AriaRole.Link)).ToHaveAttributeAsync("title", sleep);
        await Expect(running.GetByTestId("worker-operation")).ToHaveTextAsync("CalculatorService.Sleep");
        await Expect(running.GetByTestId("worker-progress-message")).ToHaveTextAsync(new Regex(@"^\d+% slept ([1-9]|1[0-4]) of 15 s$"));
        await Expect(running.Locator("progress")).ToHaveAttributeAsync("value", new Regex(@"^\d+$"));
        await Expect(browser.Page.Locator("[data-testid=worker-row][data-state=Dead]")).ToHaveCountAsync(0);

        await running.GetByTestId("worker-task").GetByRole(AriaRole.Link).ClickAsync();
        await Expect(browser.ByTestId("detail-handle")).ToHaveTextAsync(sleep);
        await Expect(browser.ByTestId("detail-state")).ToHaveTextAsync("Processing");
        await Expect(browser.ByTestId("detail-progress")).ToContainTextAsync("of 15 s");
        await app.DeleteAsync(sleep);
    }

    [ChromiumFact]
    public async Task WorkersTable_DeadWorkerRow_VisiblyMarkedDead()
    {
        await using var app = await DashboardApp.StartAsync();
        const string lastTask = "17-9f86d081884c7d659a2feaa0c55ad015";
        await app.Storage.Workers.HeartbeatWorkerAsync(new WorkerStatus
        {
            WorkerId = "gone-host:4242:dead/1", Host = "gone-host", ProcessId = 4242, State = WorkerState.Dead, LastTaskId = lastTask, StartedAt = DateTimeOffset.UtcNow,
        });

        await using var browser = await DashboardBrowser.OpenAsync(app.DashboardUrl);

        await Expect(browser.ByTestId("worker-row")).ToHaveCountAsync(5);
        var dead = browser.Page.Locator("[data-testid=worker-row][data-worker-id='gone-host:4242:dead/1']");
        await Expect(dead).ToHaveClassAsync("dead");
        await Expect(dead.GetByTestId("worker-state")).ToHaveTextAsync("DeadDEAD");
        await Expect(browser.Page.Locator("[data-testid=worker-row].dead")).ToHaveCountAsync(1);
        // The last task is a handle, shown short with the whole handle in the title: not a number.
        await Expect(dead.GetByTestId("worker-last-task")).ToHaveTextAsync("17-9f86d0…");
        await Expect(dead.GetByTestId("worker-last-task").GetByRole(AriaRole.Link)).ToHaveAttributeAsync("title", lastTask);
        await Expect(dead.GetByTestId("worker-last-task")).Not.ToHaveClassAsync(new Regex(@"\bnum\b"));
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
        await browser.BackToOverviewAsync();
        foreach (var tab in States.Append("Recurring"))
        {
            await browser.ByTestId("tab-" + tab).ClickAsync();
            await Expect(browser.ByTestId("tab-" + tab)).ToHaveAttributeAsync("aria-selected", "true");
        }

        await Expect(browser.ByTestId("recurring-table")).ToBeVisibleAsync();
        await Expect(browser.ByTestId("task-table")).ToBeHiddenAsync();

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

    [ChromiumFact]
    public async Task TaskList_OpenByHandle_DetailShowsDisplayHandleAndEngine()
    {
        await using var app = await DashboardApp.StartAsync();
        var add = await app.Queue.EnqueueAsync<CalculatorService>(s => s.Add(1, 2), new EnqueueOptions { Delay = TimeSpan.FromHours(1) });
        var other = await app.Queue.EnqueueAsync<CalculatorService>(s => s.Add(3, 4), new EnqueueOptions { Delay = TimeSpan.FromHours(1) });
        var task = await app.GetTaskAsync(add);
        Assert.Equal("CalculatorService.Add(1, 2)", task.GetProperty("display").GetString());
        await using var browser = await DashboardBrowser.OpenAsync(app.DashboardUrl);

        await browser.ByTestId("tab-Scheduled").ClickAsync();
        await Expect(browser.ByTestId("task-row")).ToHaveCountAsync(2);
        var row = browser.TaskRow(add);
        await Expect(row.GetByTestId("task-call")).ToHaveTextAsync("CalculatorService.Add(1, 2)");
        await Expect(row.GetByTestId("task-open")).ToHaveTextAsync(DashboardBrowser.ShortId(add));
        await Expect(row.GetByTestId("task-open")).ToHaveAttributeAsync("title", add);
        await browser.OpenTaskAsync("Scheduled", add);

        await Expect(browser.ByTestId("detail-display")).ToHaveTextAsync("CalculatorService.Add(1, 2)");
        await Expect(browser.ByTestId("detail-operation")).ToHaveTextAsync("CalculatorService.Add");
        await Expect(browser.ByTestId("detail-id")).ToHaveAttributeAsync("title", add);
        await Expect(browser.ByTestId("detail-engine")).ToHaveTextAsync(task.GetProperty("engine").GetString() + " engine");
        await Expect(browser.ByTestId("detail-state")).ToHaveTextAsync("Scheduled");

        // The other task opens by its own full handle: the page asked the API for exactly that handle.
        await browser.BackToOverviewAsync();
        await browser.TaskRow(other).GetByTestId("task-open").ClickAsync();
        await Expect(browser.ByTestId("detail-handle")).ToHaveTextAsync(other);
        await Expect(browser.ByTestId("detail-display")).ToHaveTextAsync("CalculatorService.Add(3, 4)");
        lock (browser.Requests)
        {
            Assert.Contains(browser.Requests, url => url.EndsWith("/queue/api/tasks/" + Uri.EscapeDataString(add), StringComparison.Ordinal));
            Assert.Contains(browser.Requests, url => url.EndsWith("/queue/api/tasks/" + Uri.EscapeDataString(other), StringComparison.Ordinal));
        }

        Assert.Empty(browser.ConsoleErrors);
    }

    [ChromiumFact]
    public async Task RecurringTab_RecurringCall_ListedAsTextAndRemoveTakesItAway()
    {
        await using var app = await DashboardApp.StartAsync();
        await app.Queue.AddOrUpdateRecurringAsync<CalculatorService>("nightly", s => s.Echo("<b>x</b>"), "0 3 * * *");
        var listed = (await app.GetJsonAsync("/queue/api/recurring")).EnumerateArray().Single();
        var display = listed.GetProperty("display").GetString()!;
        Assert.Equal("CalculatorService.Echo(\"<b>x</b>\")", display);
        await using var browser = await DashboardBrowser.OpenAsync(app.DashboardUrl);

        await Expect(browser.ByTestId("tab-count-Recurring")).ToHaveTextAsync("1");
        await browser.ByTestId("tab-Recurring").ClickAsync();
        await Expect(browser.ByTestId("tab-Recurring")).ToHaveAttributeAsync("aria-selected", "true");
        var row = browser.Page.Locator("[data-testid=recurring-row][data-recurring-id=nightly]");
        await Expect(row).ToBeVisibleAsync();
        await Expect(row.GetByTestId("recurring-id")).ToHaveTextAsync("nightly");
        await Expect(row.GetByTestId("recurring-cron")).ToHaveTextAsync("0 3 * * *");
        await Expect(row.GetByTestId("recurring-time-zone")).ToHaveTextAsync(listed.GetProperty("timeZone").GetString()!);
        await Expect(row.GetByTestId("recurring-queue")).ToHaveTextAsync(listed.GetProperty("queue").GetString()!);
        await Expect(row.GetByTestId("recurring-next")).Not.ToBeEmptyAsync();
        await Expect(row.GetByTestId("recurring-last")).ToHaveTextAsync("never");
        // The call's markup is shown as text, never parsed into the page.
        await Expect(row.GetByTestId("recurring-call")).ToHaveTextAsync(display);
        Assert.Equal(0, await browser.Page.EvaluateAsync<int>("document.querySelectorAll('main b').length"));

        string? question = null;
        browser.Page.Dialog += DismissOnce;
        await row.GetByTestId("recurring-remove").ClickAsync();
        await Expect(row).ToHaveCountAsync(1);
        Assert.Single((await app.GetJsonAsync("/queue/api/recurring")).EnumerateArray());

        browser.Page.Dialog += async (_, dialog) => { question = dialog.Message; await dialog.AcceptAsync(); };
        await row.GetByTestId("recurring-remove").ClickAsync();

        await Expect(row).ToHaveCountAsync(0);
        await Expect(browser.ByTestId("recurring-table")).ToContainTextAsync("No recurring calls.");
        await Expect(browser.ByTestId("tab-count-Recurring")).ToHaveTextAsync("0");
        Assert.Equal("Remove recurring call nightly? Tasks it already enqueued stay.", question);
        Assert.Empty((await app.GetJsonAsync("/queue/api/recurring")).EnumerateArray());
        await Expect(browser.ByTestId("error")).ToBeEmptyAsync();
        Assert.Empty(browser.ConsoleErrors);

        void DismissOnce(object? sender, IDialog dialog)
        {
            browser.Page.Dialog -= DismissOnce;
            _ = dialog.DismissAsync();
        }
    }

    [ChromiumFact]
    public async Task RecurringTab_AfterAnOccurrence_LastRunLinksToItsTask()
    {
        await using var app = await DashboardApp.StartAsync();
        await app.Queue.AddOrUpdateRecurringAsync<CalculatorService>("every-second", s => s.Add(2, 3), "* * * * * *");
        await using var browser = await DashboardBrowser.OpenAsync(app.DashboardUrl);

        await browser.ByTestId("tab-Recurring").ClickAsync();
        var row = browser.Page.Locator("[data-testid=recurring-row][data-recurring-id=every-second]");
        await Expect(row.GetByTestId("recurring-call")).ToHaveTextAsync("CalculatorService.Add(2, 3)");
        var link = row.GetByTestId("recurring-last-task");
        await Expect(link).ToHaveAttributeAsync("title", new Regex("^.+-[0-9a-f]{32}$"));
        await Expect(row.GetByTestId("recurring-last")).Not.ToContainTextAsync("never");

        // A new occurrence each second re-renders the row: read the link's handle and click it in one step.
        var handle = await browser.Page.EvaluateAsync<string>(
            "() => { const link = document.querySelector('[data-testid=recurring-last-task]'); link.click(); return link.title; }");
        Assert.Matches(@"^\d+-[0-9a-f]{32}$", handle);
        await Expect(browser.ByTestId("detail-handle")).ToHaveTextAsync(handle);
        await Expect(browser.ByTestId("detail-id")).ToHaveTextAsync(DashboardBrowser.ShortId(handle));
        await Expect(browser.ByTestId("detail-display")).ToHaveTextAsync("CalculatorService.Add(2, 3)");
        Assert.True(await app.Queue.RemoveRecurringAsync("every-second"));
        Assert.Empty(browser.ConsoleErrors);
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
