using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace KafkaResilience.Workflow.Tests;

/// <summary>A GitHub Actions workflow read as data: its steps in order, and every KAFKA_RESILIENCE_* name it mentions.</summary>
public sealed partial record WorkflowFile(IReadOnlyList<WorkflowStep> Steps, IReadOnlyList<string> SuiteVariables)
{
    public static WorkflowFile Parse(string yaml)
    {
        var stream = new YamlStream();
        using (var reader = new StringReader(yaml))
            stream.Load(reader);
        var root = (YamlMappingNode)stream.Documents.Single().RootNode;
        var steps = new List<WorkflowStep>();
        if (Child(root, "jobs") is YamlMappingNode jobs)
        {
            foreach (var (jobKey, jobNode) in jobs.Children)
            {
                if (jobNode is not YamlMappingNode job || Child(job, "steps") is not YamlSequenceNode list)
                    continue;
                foreach (var step in list.Children.OfType<YamlMappingNode>())
                {
                    var run = Scalar(Child(step, "run"));
                    var uses = Scalar(Child(step, "uses"));
                    steps.Add(new WorkflowStep(Scalar(jobKey)!, Scalar(Child(step, "name")) ?? run ?? uses ?? "(unnamed)", run, uses));
                }
            }
        }
        var variables = VariablePattern().Matches(yaml).Select(m => m.Value).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        return new WorkflowFile(steps, variables);
    }

    private static YamlNode? Child(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    private static string? Scalar(YamlNode? node) => (node as YamlScalarNode)?.Value;

    [GeneratedRegex("KAFKA_RESILIENCE_[A-Z0-9_]+")]
    private static partial Regex VariablePattern();
}
