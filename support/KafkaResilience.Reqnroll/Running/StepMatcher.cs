using System.Globalization;
using System.Reflection;
using KafkaResilience.Reqnroll.Catalog;
using Reqnroll;
using Reqnroll.Bindings;
using Reqnroll.Bindings.Reflection;
using Reqnroll.Infrastructure;

namespace KafkaResilience.Reqnroll.Running;

/// <summary>
/// Matches a scenario row's steps against Reqnroll's bindings the way Reqnroll will when the step runs (its binding
/// registry and match service, its argument conversions), without invoking any step: which step definition each step
/// binds to and with which typed arguments, or why it binds to none or to several. What reads a row before it runs
/// (a check that every step of every feature binds, a target's judgement of what a row needs) reads these values, not
/// the step texts, so rewording a step changes nothing for them.
/// </summary>
public sealed class StepMatcher(IStepDefinitionMatchService matchService, IStepArgumentTypeConverter converter)
{
    /// <summary>How each step of <paramref name="scenario"/> binds; its arguments converted when <paramref name="convert"/> is set.</summary>
    public async Task<IReadOnlyList<BoundStep>> BindAsync(ScenarioCase scenario, bool convert, CultureInfo? culture = null)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        culture ??= CultureInfo.GetCultureInfo("en-US");
        var context = new StepContext(scenario.Info.FeatureTitle, scenario.Info.ScenarioTitle, scenario.Info.Tags, culture);
        var bound = new List<BoundStep>(scenario.Steps.Count);
        for (var i = 0; i < scenario.Steps.Count; i++)
        {
            bound.Add(await BindAsync(i, scenario.Steps[i], context, culture, convert).ConfigureAwait(false));
        }

        return bound;
    }

    /// <summary>
    /// The steps of <paramref name="scenario"/> that no step definition matches, or more than one does, as
    /// "file:line "step": why" lines; empty when every step binds.
    /// </summary>
    public async Task<IReadOnlyList<string>> ProblemsAsync(ScenarioCase scenario)
    {
        var bound = await BindAsync(scenario, convert: false).ConfigureAwait(false);
        return [.. bound.Where(b => b.Problem is not null).Select(b => $"{scenario.Info.FeatureFile}:{b.Step.Line} \"{b.Step.Echo}\": {b.Problem}")];
    }

    private async Task<BoundStep> BindAsync(int index, ScenarioStep step, StepContext context, CultureInfo culture, bool convert)
    {
        var instance = new StepInstance(step.ResolvedKeyword, step.CallKeyword, step.Keyword + " ", step.Text, step.DocString?.Content, step.ToTable(), context);
        var match = matchService.GetBestMatch(instance, culture, out var ambiguity, out var candidates);
        if (!match.Success)
        {
            var why = candidates.Count == 0
                ? "no step definition matches"
                : ambiguity == StepDefinitionAmbiguityReason.ParameterErrors
                    ? $"{Names(candidates)} match its text but not its arguments"
                    : $"{candidates.Count} step definitions match ({Names(candidates)})";
            return new BoundStep(index, step, null, null, why);
        }

        var method = (match.StepBinding.Method as RuntimeBindingMethod)?.MethodInfo;
        if (!convert) return new BoundStep(index, step, method, null, null);
        var parameters = match.StepBinding.Method.Parameters.ToArray();
        if (parameters.Length != match.Arguments.Length)
            return new BoundStep(index, step, method, null, $"{Name(match)} takes {parameters.Length} parameter(s) but the step gives {match.Arguments.Length}");
        var arguments = new object?[parameters.Length];
        for (var i = 0; i < parameters.Length; i++)
        {
            try
            {
                arguments[i] = await converter.ConvertAsync(match.Arguments[i].Value, parameters[i].Type, culture).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // The step refuses this value itself when it runs, with what the vocabulary allows.
                var cause = e is TargetInvocationException { InnerException: { } inner } ? inner : e;
                return new BoundStep(index, step, method, null, $"its value for '{parameters[i].ParameterName}' cannot be read: {ExceptionMessage.Of(cause)}");
            }
        }

        return new BoundStep(index, step, method, arguments, null);
    }

    private static string Name(BindingMatch match) => $"{match.StepBinding.Method.Type.Name}.{match.StepBinding.Method.Name}";

    private static string Names(IEnumerable<BindingMatch> matches) => string.Join(", ", matches.Select(Name));
}
