using System.Text.RegularExpressions;

namespace KafkaResilience.Workflow.Tests;

/// <summary>
/// What must hold between the workflow and this repository: every <c>run:</c> step is one call of an executable
/// script under .ci/; the repository's CI (.ci/run) runs each of them, except the suite step, which needs the
/// images and comes after the images step (where CI here stops that path); every KAFKA_RESILIENCE_* name exists.
/// Pure: lists the problems, empty when there are none.
/// </summary>
public static partial class WorkflowAudit
{
    /// <summary>The step that needs the Docker images, and so is not run by CI here.</summary>
    public const string SuiteScript = ".ci/suite";

    /// <summary>The step that stops, on a machine without the images, before the suite.</summary>
    public const string ImagesScript = ".ci/docker-images";

    public static IReadOnlyList<string> Problems(WorkflowFile workflow, Func<string, bool> isExecutableScript, IReadOnlySet<string> knownVariables, string ciRun)
    {
        var problems = new List<string>();
        var scripts = new List<string>();
        foreach (var step in workflow.Steps.Where(s => s.Run is not null))
        {
            var match = ScriptCall().Match(step.Run!.Trim());
            if (!match.Success)
            {
                problems.Add($"step '{step.Name}' runs '{step.Run!.Trim()}', which is not one call of a script under .ci/");
                continue;
            }
            var script = match.Groups[1].Value;
            scripts.Add(script);
            if (!isExecutableScript(script))
                problems.Add($"step '{step.Name}' runs {script}, which is not an executable file of the repository");
            else if (script != SuiteScript && !Regex.IsMatch(ciRun, $@"(^|\s){Regex.Escape(script)}(\s|$)", RegexOptions.Multiline))
                problems.Add($"step '{step.Name}' runs {script}, which .ci/run does not run");
        }
        if (scripts.Contains(SuiteScript) && (scripts.IndexOf(ImagesScript) is var images && (images < 0 || images > scripts.IndexOf(SuiteScript))))
            problems.Add($"the workflow runs {SuiteScript} without running {ImagesScript} before it");
        foreach (var variable in workflow.SuiteVariables.Where(v => !knownVariables.Contains(v)))
            problems.Add($"the workflow names {variable}, which neither the suite nor a script reads");
        return problems;
    }

    [GeneratedRegex(@"^(\.ci/[A-Za-z0-9._/-]+)( [A-Za-z0-9=._/-]+)*$")]
    private static partial Regex ScriptCall();
}
