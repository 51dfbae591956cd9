using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Norddjurs.TeamsRisk.EndToEnd.Tests.Tab;

/// <summary>
/// Walks the guided flow in the tab as an owner clicks it, with the answers the bot's end-to-end test gives: the
/// suggested profile, the pre-selected events, the lowest likelihood and a one-hour outage, every line accepted with a
/// reason. The first <c>highEvents</c> scored events instead get the highest likelihood and consequence 2 (Høj, above
/// the appetite), as the bot's end-to-end test scores them. A test's own <c>answer</c> goes first on each step (with the
/// step's heading, the summary's too, before submitting); when it returns true, it has answered the step and the usual
/// answers are skipped. Returns the steps seen.
/// </summary>
internal static partial class TabSteps
{
    public static async Task<IReadOnlyList<string>> CompleteAsync(IPage page, ITestOutputHelper log, int highEvents = 0, Func<IPage, string, Task<bool>>? answer = null)
    {
        var seen = new List<string>();
        var scored = 0;
        for (var i = 0; i < 100; i++)
        {
            var heading = await page.Locator("#step-heading").InnerTextAsync();
            log.WriteLine(heading);
            seen.Add(heading);
            if (heading.EndsWith("Opsummering", StringComparison.Ordinal))
            {
                if (answer is not null)
                {
                    await answer(page, heading);
                }

                await Button(page, "Send til udvalget").ClickAsync();
                await page.GetByText("Vurderingen er sendt til udvalget.").WaitForAsync();
                return seen;
            }

            var high = heading.Contains("Vurdering af hændelse", StringComparison.Ordinal) && ++scored <= highEvents;
            if (answer is null || !await answer(page, heading))
            {
                await AnswerAsync(page, high);
            }

            var next = heading.Contains("Fakta om systemet", StringComparison.Ordinal) ? "Bekræft og fortsæt" : "Gem og fortsæt";
            // An added event changes the step count in the heading: wait for a change from the heading as answered.
            var answered = await page.Locator("#step-heading").InnerTextAsync();
            await Button(page, next).ClickAsync();
            await WaitForNextStepAsync(page, answered);
        }

        throw new InvalidOperationException("More than 100 steps without reaching the summary.");
    }

    public static ILocator Button(IPage page, string text) =>
        page.Locator("fluent-button").Filter(new LocatorFilterOptions { HasTextRegex = new Regex($"^\\s*{Regex.Escape(text)}\\s*$") });

    private static async Task AnswerAsync(IPage page, bool high)
    {
        foreach (var dimension in new[] { "confidentiality", "integrity" })
        {
            var radios = page.Locator($"input[name={dimension}]");
            if (await radios.CountAsync() > 0 && await page.Locator($"input[name={dimension}]:checked").CountAsync() == 0)
            {
                var hint = await page.Locator("fieldset").Filter(new LocatorFilterOptions { Has = radios.First }).Locator(".hint").First.InnerTextAsync();
                await page.Locator($"#{dimension}-{Suggested().Match(hint).Groups[1].Value}").CheckAsync();
            }
        }

        foreach (var reason in await page.Locator("input[id^=reason-]").AllAsync())
        {
            if ((await reason.InputValueAsync()).Length == 0)
            {
                await reason.FillAsync("Ikke relevant (E2E)");
            }
        }

        if (high)
        {
            await page.Locator("input[name=likelihood]").Last.CheckAsync();
            await page.Locator("#override").SelectOptionAsync("2");
            await page.Locator("#override-reason").FillAsync("Høj risiko til prøve (E2E)");
        }
        else if (await page.Locator("#likelihood-1").CountAsync() > 0)
        {
            await page.Locator("#likelihood-1").CheckAsync();
        }

        foreach (var hours in new[] { "#outage", "#dataloss" })
        {
            if (await page.Locator(hours).CountAsync() > 0 && (await page.Locator(hours).InputValueAsync()).Length == 0)
            {
                await page.Locator(hours).FillAsync("1");
            }
        }

        if (await page.Locator("#kind-Accept").CountAsync() > 0)
        {
            await page.Locator("#kind-Accept").CheckAsync();
            if ((await page.Locator("#justification").InputValueAsync()).Length == 0)
            {
                await page.Locator("#justification").FillAsync("Lav risiko; accepteres (E2E)");
            }
        }
    }

    private static async Task WaitForNextStepAsync(IPage page, string heading)
    {
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromSeconds(20))
        {
            if (await page.Locator(".step-errors").CountAsync() > 0)
            {
                throw new InvalidOperationException($"{heading} was refused: {await page.Locator(".step-errors").InnerTextAsync()}");
            }

            var now = await page.Locator("#step-heading, [role=status]").First.InnerTextAsync();
            if (now != heading)
            {
                return;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"The tab stayed on {heading}.");
    }

    [GeneratedRegex(@":\s*(\d+)")]
    private static partial Regex Suggested();
}
