using System.Text;
using KafkaResilience.Reqnroll.Results;

namespace KafkaResilience.Reporting.Tests;

/// <summary>Hand-written scenario results, as the runner would report them.</summary>
public static class Scenarios
{
    public static readonly DateTimeOffset T0 = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

    public static ScenarioRowInfo Info(
        string title = "One broker dies during a send",
        string feature = "Broker loss",
        string file = "/repo/features/broker_loss.feature",
        int line = 12,
        string? rule = null,
        IReadOnlyList<string>? tags = null,
        IReadOnlyList<KeyValuePair<string, string>>? examples = null)
    {
        var values = examples ?? [];
        var id = values.Count == 0 ? $"{file}:{line}" : $"{file}:{line}:{string.Join(",", values.Select(v => v.Value))}";
        return new ScenarioRowInfo(id, file, feature, "Brokers die; nothing is lost.", rule, title, "The seed's experiment 1.4.", line, "en",
            tags ?? ["smoke"], values);
    }

    public static StepResult Step(
        string keyword,
        string resolved,
        string text,
        StepOutcome outcome = StepOutcome.Passed,
        Exception? error = null,
        string? message = null,
        TableRows? table = null,
        DocStringArgument? docString = null,
        IReadOnlyList<Attachment>? attachments = null,
        int offsetMs = 0) =>
        new(keyword, resolved, text, 20, table, docString, outcome, message, error,
            T0.AddMilliseconds(offsetMs), T0.AddMilliseconds(offsetMs + 100), attachments ?? []);

    public static ScenarioResult Passed(ScenarioRowInfo? info = null, IReadOnlyList<Attachment>? attachments = null, IReadOnlyList<HookResult>? hooks = null) =>
        new(info ?? Info(), ScenarioOutcome.Passed, null, null, T0, T0.AddSeconds(3),
        [
            Step("Given ", "Given", "a cluster of brokers 105, 106 and 108", table: new TableRows([["broker", "role"], ["105", "leader, p0"], ["106", "follower"]])),
            Step("And ", "Given", "a topic \"q_1\" with 3 partitions", offsetMs: 100),
            Step("When ", "When", "broker 106 is killed", docString: new DocStringArgument("{\"broker\":106}", "json"), offsetMs: 200),
            Step("Then ", "Then", "no acknowledged message is lost", attachments: [new Attachment("verdict", "application/json", Encoding.UTF8.GetBytes("{\"lost\":0}"), "json")], offsetMs: 300),
        ],
        hooks ?? [],
        attachments ?? []);

    public static ScenarioResult Failed(Exception error, ScenarioRowInfo? info = null) =>
        new(info ?? Info(title: "Nothing is lost"), ScenarioOutcome.Failed, null, error, T0, T0.AddSeconds(2),
        [
            Step("Given ", "Given", "a cluster"),
            Step("Then ", "Then", "no acknowledged message is lost", StepOutcome.Failed, error, offsetMs: 100),
        ],
        [], []);

    public static ScenarioResult Skipped(string reason, ScenarioRowInfo? info = null) =>
        new(info ?? Info(title: "Unclean leader election loses data"), ScenarioOutcome.Skipped, reason, null, T0, T0,
        [Step("Given ", "Given", "a cluster", StepOutcome.Skipped)], [], []);

    public static HookResult Hook(string method, bool before, StepOutcome outcome = StepOutcome.Passed, Exception? error = null) =>
        new(before ? "BeforeScenario" : "AfterScenario", method, before, outcome, error, T0, T0.AddMilliseconds(50));

    /// <summary>An exception with a stack trace, as a thrown one has.</summary>
    public static T Thrown<T>(Func<T> make) where T : Exception
    {
        try
        {
            throw make();
        }
        catch (T e)
        {
            return e;
        }
    }
}
