using KafkaResilience.Reqnroll.Results;

namespace KafkaResilience.Reqnroll.Running;

/// <summary>The one message a test host shows for a failed scenario: which step (or hook) failed, where and why.</summary>
public static class ScenarioFailureMessage
{
    public static string For(ScenarioResult result)
    {
        var step = result.Steps.FirstOrDefault(s => s.Outcome is StepOutcome.Failed or StepOutcome.Undefined or StepOutcome.Ambiguous or StepOutcome.Pending);
        var where = result.Scenario.FeatureFile.Length == 0 ? string.Empty : $"{result.Scenario.FeatureFile}:";
        if (step is not null && (step.Error is not null || step.Message is not null))
        {
            var what = step.Outcome switch
            {
                StepOutcome.Undefined => "is undefined",
                StepOutcome.Ambiguous => "is ambiguous",
                StepOutcome.Pending => "is pending",
                _ => "failed",
            };
            var detail = step.Outcome == StepOutcome.Failed && step.Error is not null ? ExceptionMessage.Of(step.Error) : step.Message;
            var message = $"Step \"{step.Keyword} {step.Text}\" ({where}{step.Line}) {what}:{Environment.NewLine}{detail}";
            return result.Error is not null && !ReferenceEquals(result.Error, step.Error) && result.Error is not StepBindingException
                ? message + Environment.NewLine + "Also: " + ExceptionMessage.Of(result.Error)
                : message;
        }

        return result.Error is null ? "The scenario failed." : ExceptionMessage.Of(result.Error);
    }
}
