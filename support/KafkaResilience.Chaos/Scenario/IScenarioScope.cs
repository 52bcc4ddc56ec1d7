using System.Diagnostics.CodeAnalysis;
using KafkaResilience.Chaos.Fit;

namespace KafkaResilience.Chaos.Scenario;

/// <summary>
/// What the running scenario offers the objects that play its roles (cluster, workloads, nemesis, judge, report): its
/// title and tags, the text of every step it will run, the step running now, its cancellation, output lines between the
/// steps, values shown beside the step, attachments for the report, and a skip with a reason, of the whole scenario, of
/// one step still to come, or of the step running now as "not judged". The features host implements it over Reqnroll's
/// scenario; unit tests over a literal scenario. Injected per scenario.
/// </summary>
public interface IScenarioScope
{
    /// <summary>The scenario's title (an outline row's with its values substituted).</summary>
    string Title { get; }

    /// <summary>Every inherited tag, without '@'.</summary>
    IReadOnlyList<string> Tags { get; }

    /// <summary>The text of every step the scenario will run, in order, without keywords (backgrounds included, outline values substituted).</summary>
    IReadOnlyList<string> StepTexts { get; }

    /// <summary>Where each step of <see cref="StepTexts"/> is written ("failures/broker-faults.feature:31"), for answers that name it.</summary>
    IReadOnlyList<string> StepLocations { get; }

    /// <summary>
    /// What each step of <see cref="StepTexts"/> means to a target's judgement of the row (null: nothing), read from the
    /// values the steps bind to, before they run; so rewording a step's text changes nothing of it.
    /// </summary>
    Task<IReadOnlyList<IPlannedStep?>> PlanAsync();

    /// <summary>The step running now as written ("Then no acknowledged message is lost"), or null outside a step.</summary>
    string? CurrentStep { get; }

    /// <summary>Cancelled when the scenario times out or the run is aborted (after-scenario hooks get a short grace).</summary>
    CancellationToken Token { get; }

    /// <summary>When the test run started (names the run's output folders).</summary>
    DateTimeOffset RunStart { get; }

    /// <summary>Writes a line to the scenario's output (shown between the steps).</summary>
    void Say(string line);

    /// <summary>Stops the scenario now; it is reported skipped with this reason, never passed.</summary>
    [DoesNotReturn]
    void Skip(string reason);

    /// <summary>
    /// Skips one step still to come (index into <see cref="StepTexts"/>) with its reason when its turn comes; the rest of
    /// the scenario runs and keeps its verdict. For a step this target cannot judge while it can judge the others.
    /// </summary>
    void SkipLaterStep(int index, string reason);

    /// <summary>
    /// Ends the step running now as not judged, with the reason: shown skipped, the scenario goes on, and the scenario ends
    /// skipped (never passed, never failed) unless something else failed. For a check whose evidence was never gathered.
    /// </summary>
    void NotJudged(string reason);

    /// <summary>
    /// Shows a value beside the step running now (its bound, what was measured): a step parameter in the report, a line
    /// after the step in the console. Outside a step (a hook) it is only said, as an output line.
    /// </summary>
    void Report(string name, string value);

    /// <summary>Keeps a file for the report (on the current step when called from one).</summary>
    void Attach(string name, string mediaType, byte[] content, string fileExtension);
}
