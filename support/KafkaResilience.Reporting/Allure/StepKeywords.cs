using KafkaResilience.Reqnroll.Results;

namespace KafkaResilience.Reporting.Allure;

/// <summary>The keyword a step is shown with: And/But take the meaning of the step before (Given/When/Then).</summary>
public static class StepKeywords
{
    /// <summary>The resolved keyword; Gherkin's keyword types Context/Action/Outcome read as Given/When/Then.</summary>
    public static string Resolve(StepResult step)
    {
        ArgumentNullException.ThrowIfNull(step);
        var resolved = string.IsNullOrWhiteSpace(step.ResolvedKeyword) ? step.Keyword.Trim() : step.ResolvedKeyword.Trim();
        return resolved switch
        {
            "Context" => "Given",
            "Action" => "When",
            "Outcome" => "Then",
            _ => resolved,
        };
    }
}
