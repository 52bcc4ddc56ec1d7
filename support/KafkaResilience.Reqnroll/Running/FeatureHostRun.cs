using System.Collections.Specialized;
using System.Globalization;
using System.Reflection;
using KafkaResilience.Reqnroll.Catalog;
using KafkaResilience.Reqnroll.Results;
using KafkaResilience.Reqnroll.Running;
using Reqnroll;
using Reqnroll.Bindings;
using Reqnroll.BoDi;
using Reqnroll.Configuration;
using Reqnroll.Infrastructure;
using Reqnroll.Plugins;

namespace KafkaResilience.Reqnroll.Running;

/// <summary>
/// One test run of a feature host on Reqnroll's runtime, driven the way Reqnroll's generated code drives it: one global
/// container and test runner manager for the run (made by <see cref="StartAsync"/>, ended by <see cref="DisposeAsync"/>:
/// after-feature and after-test-run hooks, formatters written), features started and ended as the rows move from file
/// to file, and per row: scenario initialise, the <see cref="RunningScenario"/> in the scenario container, scenario start
/// (or skip), one Given/When/Then/And call per step with its table or doc string, collect errors, scenario end. It
/// returns the row's result as the <see cref="ScenarioRecorder"/> wrote it for the reports. Rows run one at a time.
/// </summary>
public sealed class FeatureHostRun : IAsyncDisposable
{
    /// <summary>How long after-scenario hooks may still run once the scenario timed out or the run was aborted.</summary>
    public static readonly TimeSpan AfterHookGrace = TimeSpan.FromMinutes(2);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<FeatureDocument, FeatureInfo> _features = [];
    private readonly Dictionary<string, ScenarioCase> _cases;
    private IObjectContainer? _global;
    private ITestRunnerManager? _manager;
    private RunReport? _report;
    private string? _startError;

    private FeatureHostRun(Assembly host, IReadOnlyList<ScenarioCase> cases)
    {
        Host = host;
        _cases = cases.ToDictionary(c => c.Info.Id, StringComparer.Ordinal);
    }

    public Assembly Host { get; }

    /// <summary>The run's report (its facts and listeners), or null when the host declares no plugin.</summary>
    public RunReport? Report => _report;

    /// <summary>
    /// Starts a test run of <paramref name="cases"/> for the bindings and runtime plugin of <paramref name="host"/>: its
    /// global container, the test-run start (before-test-run hooks). A failing start fails every row, saying why.
    /// </summary>
    /// <param name="host">The test assembly: its bindings, its reqnroll.json binding assemblies, its [RuntimePlugin].</param>
    /// <param name="cases">The rows the run may be asked for.</param>
    /// <param name="featuresRoot">The features folder (a fact of the run's report).</param>
    /// <param name="plugin">A runtime plugin given in code instead of the assembly's (tests of the host).</param>
    /// <param name="configuration">Reqnroll's configuration instead of reqnroll.json's (tests of the host).</param>
    public static async Task<FeatureHostRun> StartAsync(Assembly host, IReadOnlyList<ScenarioCase> cases, string featuresRoot,
        IRuntimePlugin? plugin = null, IRuntimeConfigurationProvider? configuration = null)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(cases);
        var run = new FeatureHostRun(host, cases);
        await run.BeginAsync(featuresRoot, plugin, configuration).ConfigureAwait(false);
        return run;
    }

    /// <summary>Runs the row with this id; <paramref name="output"/> hears the host's own lines, <paramref name="aborted"/> aborts it.</summary>
    public async Task<ScenarioResult> RunAsync(string id, Action<string> output, CancellationToken aborted)
    {
        ArgumentNullException.ThrowIfNull(output);
        await _gate.WaitAsync(aborted).ConfigureAwait(false);
        try
        {
            return await RunCaseAsync(id, output, aborted).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_manager is not null) await _manager.DisposeAsync().ConfigureAwait(false);
        }
        catch (Exception e)
        {
            _report?.Error($"The end of the test run failed (an [AfterFeature] or [AfterTestRun] hook?): {ExceptionMessage.Of(e)}");
        }
        finally
        {
            _report?.Finished();
            _global?.Dispose();
            _gate.Dispose();
        }
    }

    private async Task BeginAsync(string featuresRoot, IRuntimePlugin? plugin, IRuntimeConfigurationProvider? configuration)
    {
        var host = Host;
        _global = new HostContainerBuilder(plugin).CreateGlobalContainer(host, configuration);
        if (!_global.IsRegistered<RunReport>())
        {
            _startError = $"The test assembly {host.GetName().Name} declares no feature host plugin: add [assembly: RuntimePlugin(typeof(<the host's plugin>))] that registers a {nameof(RunReport)}.";
            return;
        }

        _report = _global.Resolve<RunReport>();
        _report.Run.Set("features", featuresRoot);
        _manager = _global.Resolve<ITestRunnerManager>();
        _manager.Initialize(host);
        try
        {
            await _manager.FireTestRunStartAsync().ConfigureAwait(false);
        }
        catch (Exception e)
        {
            _startError = $"A [BeforeTestRun] hook failed: {ExceptionMessage.Of(e)}";
        }
    }

    private async Task<ScenarioResult> RunCaseAsync(string id, Action<string> output, CancellationToken aborted)
    {
        if (!_cases.TryGetValue(id, out var scenario))
            return Failed(FeatureCatalog.ConfigurationCase(id, ""), $"No scenario has the id '{id}' any more (the feature files changed after discovery); list the tests again.", output);
        if (scenario.Error is not null) return Failed(scenario, scenario.Error, output);
        if (_startError is not null || _manager is null) return Failed(scenario, _startError ?? "The test run did not start.", output);

        var feature = FeatureInfoOf(scenario);
        var runner = _manager.GetTestRunner(feature);
        try
        {
            if (runner.FeatureContext is not null && !ReferenceEquals(runner.FeatureContext.FeatureInfo, feature))
                await runner.OnFeatureEndAsync().ConfigureAwait(false);
            if (runner.FeatureContext is null)
            {
                try
                {
                    await runner.OnFeatureStartAsync(feature).ConfigureAwait(false);
                }
                catch (Exception e)
                {
                    return Failed(scenario, $"A [BeforeFeature] hook failed: {ExceptionMessage.Of(e)}", output);
                }
            }
            else if (runner.FeatureContext.BeforeFeatureHookFailed)
            {
                return Failed(scenario, $"A [BeforeFeature] hook of \"{scenario.Info.FeatureTitle}\" failed: {ExceptionMessage.Of(runner.FeatureContext.BeforeFeatureHookError)}", output);
            }

            return await RunScenarioAsync(runner, scenario, output, aborted).ConfigureAwait(false);
        }
        finally
        {
            _manager.ReleaseTestRunnerToPool(runner);
        }
    }

    private async Task<ScenarioResult> RunScenarioAsync(ITestRunner runner, ScenarioCase scenario, Action<string> output, CancellationToken aborted)
    {
        using var running = new RunningScenario(scenario, output, aborted, _report!.Run.Start);
        runner.OnScenarioInitialize(ScenarioInfoOf(scenario), RuleInfoOf(scenario));
        runner.ScenarioContext.ScenarioContainer.RegisterInstanceAs(running);
        Exception? hostError = null;
        try
        {
            if (scenario.SkipReason is not null)
            {
                output($"Skipped: {scenario.SkipReason}");
                await runner.SkipScenarioAsync().ConfigureAwait(false);
            }
            else
            {
                await runner.OnScenarioStartAsync().ConfigureAwait(false);
                foreach (var step in scenario.Steps)
                {
                    await CallAsync(runner, step).ConfigureAwait(false);
                }

                try
                {
                    await runner.CollectScenarioErrorsAsync().ConfigureAwait(false);
                }
                catch (Exception)
                {
                    // The recorder already holds the outcome these errors make; the result says it.
                }
            }
        }
        catch (Exception e)
        {
            hostError = e;
        }
        finally
        {
            running.EnterAfterHooks(AfterHookGrace);
            try
            {
                await runner.OnScenarioEndAsync().ConfigureAwait(false);
            }
            catch (Exception e)
            {
                // An after-scenario hook failed; the recorder has it among the hooks, and so the result fails.
                hostError ??= running.Result is null ? e : null;
            }
        }

        if (running.Result is { } result)
            return hostError is null || result.Outcome == ScenarioOutcome.Failed ? result : result with { Outcome = ScenarioOutcome.Failed, Error = hostError, SkipReason = null };
        return Failed(scenario, $"Reqnroll ended the scenario without a result: {(hostError is null ? "no error" : ExceptionMessage.Of(hostError))}", output);
    }

    private static Task CallAsync(ITestRunner runner, ScenarioStep step)
    {
        var keyword = step.SpaceAfterKeyword ? step.Keyword + " " : step.Keyword;
        var table = step.ToTable();
        var docString = step.DocString?.Content;
        return step.CallKeyword switch
        {
            StepDefinitionKeyword.Given => runner.GivenAsync(step.Text, docString, table, keyword),
            StepDefinitionKeyword.When => runner.WhenAsync(step.Text, docString, table, keyword),
            StepDefinitionKeyword.Then => runner.ThenAsync(step.Text, docString, table, keyword),
            StepDefinitionKeyword.But => runner.ButAsync(step.Text, docString, table, keyword),
            _ => runner.AndAsync(step.Text, docString, table, keyword),
        };
    }

    /// <summary>One FeatureInfo per feature file for the whole run (Reqnroll tells features apart by reference), carrying its Cucumber Messages.</summary>
    private FeatureInfo FeatureInfoOf(ScenarioCase scenario)
    {
        var document = scenario.Feature!;
        if (_features.TryGetValue(document, out var known)) return known;
        var folder = Path.GetDirectoryName(document.RelativePath)?.Replace('\\', '/') ?? "";
        var info = new FeatureInfo(Culture(scenario.Info.Language), folder, scenario.Info.FeatureTitle, scenario.Info.FeatureDescription,
            ProgrammingLanguage.CSharp, [.. scenario.FeatureTags], new RuntimeFeatureMessages(document));
        _features[document] = info;
        return info;
    }

    private static global::Reqnroll.ScenarioInfo ScenarioInfoOf(ScenarioCase scenario)
    {
        var arguments = new OrderedDictionary();
        foreach (var value in scenario.Info.ExampleValues) arguments[value.Key] = value.Value;
        return new global::Reqnroll.ScenarioInfo(scenario.Info.ScenarioTitle, scenario.Info.ScenarioDescription, [.. scenario.OwnTags], arguments,
            [.. scenario.FeatureTags, .. scenario.RuleTags], scenario.PickleIndex!.Value.ToString(CultureInfo.InvariantCulture));
    }

    private static RuleInfo? RuleInfoOf(ScenarioCase scenario) =>
        scenario.Info.RuleTitle is null ? null : new RuleInfo(scenario.Info.RuleTitle, scenario.RuleDescription, [.. scenario.RuleTags]);

    private static CultureInfo Culture(string language)
    {
        try
        {
            return CultureInfo.GetCultureInfo(language);
        }
        catch (CultureNotFoundException)
        {
            return CultureInfo.InvariantCulture;
        }
    }

    /// <summary>A row that fails before Reqnroll runs it (a malformed file, a failed test-run hook): reported like every other row.</summary>
    private ScenarioResult Failed(ScenarioCase scenario, string message, Action<string> output)
    {
        output(message);
        var now = DateTimeOffset.UtcNow;
        var result = new ScenarioResult(scenario.Info, ScenarioOutcome.Failed, null, new StepBindingException(message), now, now,
            [.. scenario.Steps.Select(s => new StepResult(s.Keyword, s.ResolvedKeyword.ToString(), s.Text, s.Line, s.DataTable, s.DocString,
                StepOutcome.Skipped, "skipped because of previous errors", null, now, now, []))], [], []);
        _report?.ScenarioFinished(result);
        return result;
    }
}
