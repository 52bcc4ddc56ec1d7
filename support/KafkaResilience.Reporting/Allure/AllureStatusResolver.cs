using KafkaResilience.Reqnroll.Results;

namespace KafkaResilience.Reporting.Allure;

/// <summary>
/// Decides Allure statuses. A failure is "failed" (a product defect) when its exception is an assertion, i.e.
/// its type or a base type is <c>Xunit.Sdk.XunitException</c>, implements <c>Xunit.Sdk.IAssertionException</c>,
/// is FluentAssertions' <c>AssertionFailedException</c>, or has "Assert" in its name; or when it is a verdict
/// (an <see cref="IVerdictFailure"/>, or a type named "...VerdictException"). A verdict's message is shown starting
/// with its category's prefix, so <c>categories.json</c> files it by the category it carries. Every other
/// exception is "broken" (a suite defect). Messages are never read to decide. Steps follow Allure.Reqnroll:
/// undefined and ambiguous steps are broken, pending steps skipped.
/// </summary>
public static class AllureStatusResolver
{
    /// <summary>Assertion exception types known by full name.</summary>
    public static IReadOnlyList<string> AssertionTypeNames { get; } =
    [
        "Xunit.Sdk.XunitException",
        "Xunit.Sdk.IAssertionException",
        "FluentAssertions.Execution.AssertionFailedException",
        "NUnit.Framework.AssertionException",
        "Microsoft.VisualStudio.TestTools.UnitTesting.AssertFailedException",
    ];

    /// <summary>True when <paramref name="error"/> (or an exception it wraps) is an assertion or a checker verdict.</summary>
    public static bool IsAssertion(Exception error)
    {
        ArgumentNullException.ThrowIfNull(error);
        for (var current = error; current is not null; current = Unwrap(current))
        {
            if (current is IVerdictFailure || IsAssertionType(current.GetType()))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The verdict failure <paramref name="error"/> is or wraps, if any.</summary>
    public static IVerdictFailure? VerdictOf(Exception error)
    {
        ArgumentNullException.ThrowIfNull(error);
        for (var current = error; current is not null; current = Unwrap(current))
        {
            if (current is IVerdictFailure verdict)
            {
                return verdict;
            }
        }

        return null;
    }

    /// <summary>"failed" for an assertion or verdict, otherwise "broken".</summary>
    public static string ForError(Exception error) => IsAssertion(error) ? AllureStatus.Failed : AllureStatus.Broken;

    /// <summary>The status and details of a whole scenario.</summary>
    public static (string Status, AllureStatusDetails? Details) ForScenario(ScenarioResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        switch (result.Outcome)
        {
            case ScenarioOutcome.Passed:
                return (AllureStatus.Passed, null);
            case ScenarioOutcome.Skipped:
                return (AllureStatus.Skipped, new AllureStatusDetails(result.SkipReason ?? "skipped (no reason given)", null));
        }

        if (result.Error is not null)
        {
            return (ForError(result.Error), Details(result.Error, null));
        }

        var failing = result.Steps.FirstOrDefault(s => s.Outcome is StepOutcome.Failed or StepOutcome.Undefined or StepOutcome.Ambiguous or StepOutcome.Pending);
        if (failing is null)
        {
            return (AllureStatus.Broken, new AllureStatusDetails("the scenario failed without an error or a failing step", null));
        }

        var (status, details) = ForStep(failing);
        // A failed scenario is never shown as passed; a pending step keeps Allure.Reqnroll's "skipped".
        return (status == AllureStatus.Passed ? AllureStatus.Broken : status, details);
    }

    /// <summary>The status and details of one step.</summary>
    public static (string Status, AllureStatusDetails? Details) ForStep(StepResult step)
    {
        ArgumentNullException.ThrowIfNull(step);
        var name = $"{StepKeywords.Resolve(step)} {step.Text}";
        return step.Outcome switch
        {
            StepOutcome.Passed => (AllureStatus.Passed, null),
            StepOutcome.Skipped => (AllureStatus.Skipped, step.Message is null ? null : new AllureStatusDetails(step.Message, null)),
            StepOutcome.Pending => (AllureStatus.Skipped, new AllureStatusDetails(Prefixed(ReportCategories.PendingStepPrefix, step.Message, name), step.Error?.ToString())),
            StepOutcome.Undefined => (AllureStatus.Broken, new AllureStatusDetails(Prefixed(ReportCategories.UndefinedStepPrefix, step.Message, name), null)),
            StepOutcome.Ambiguous => (AllureStatus.Broken, new AllureStatusDetails(Prefixed(ReportCategories.AmbiguousStepPrefix, step.Message, name), step.Error?.ToString())),
            _ => step.Error is null
                ? (AllureStatus.Broken, new AllureStatusDetails(step.Message ?? "the step failed without an error", null))
                : (ForError(step.Error), Details(step.Error, step.Message)),
        };
    }

    /// <summary>The status and details of one hook.</summary>
    public static (string Status, AllureStatusDetails? Details) ForHook(HookResult hook)
    {
        ArgumentNullException.ThrowIfNull(hook);
        return hook.Outcome switch
        {
            StepOutcome.Passed => (AllureStatus.Passed, null),
            StepOutcome.Skipped or StepOutcome.Pending => (AllureStatus.Skipped, null),
            _ => hook.Error is null
                ? (AllureStatus.Broken, new AllureStatusDetails($"hook {hook.Method} did not pass ({hook.Outcome})", null))
                : (ForError(hook.Error), Details(hook.Error, null)),
        };
    }

    private static AllureStatusDetails Details(Exception error, string? message) =>
        VerdictOf(error) is { } verdict
            ? new(ReportCategories.Prefixed(verdict.Category, ((Exception)verdict).Message), error.ToString())
            : new(message ?? error.Message, error.ToString());

    private static string Prefixed(string prefix, string? message, string stepName)
    {
        var text = string.IsNullOrWhiteSpace(message) ? stepName : message;
        return text.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) ? text : $"{prefix} {text}";
    }

    private static Exception? Unwrap(Exception error) => error switch
    {
        AggregateException { InnerExceptions.Count: 1 } aggregate => aggregate.InnerExceptions[0],
        System.Reflection.TargetInvocationException target => target.InnerException,
        _ => null,
    };

    private static bool IsAssertionType(Type type)
    {
        for (var current = type; current is not null && current != typeof(Exception); current = current.BaseType)
        {
            if (AssertionTypeNames.Contains(current.FullName ?? string.Empty, StringComparer.Ordinal)
                || current.Name.Contains("Assert", StringComparison.Ordinal)
                || current.Name.EndsWith("VerdictException", StringComparison.Ordinal))
            {
                return true;
            }
        }

        return type.GetInterfaces().Any(i => AssertionTypeNames.Contains(i.FullName ?? string.Empty, StringComparer.Ordinal));
    }
}
