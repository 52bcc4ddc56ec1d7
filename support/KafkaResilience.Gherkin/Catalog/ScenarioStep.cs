using KafkaResilience.Gherkin.Results;

namespace KafkaResilience.Gherkin;

/// <summary>
/// One step of an expanded scenario (backgrounds included, outline values substituted), with the keyword
/// as written and its resolved meaning (And/But/* take the meaning of the step before).
/// </summary>
public sealed record ScenarioStep(
    string Keyword,
    StepKeyword ResolvedKeyword,
    string Text,
    int Line,
    DataTableRows? DataTable,
    DocStringArgument? DocString,
    bool FromBackground,
    bool SpaceAfterKeyword = true)
{
    /// <summary>The step as written ("Given broker 106 is killed"; "假如集群有3个代理" keeps no space).</summary>
    public string Echo => SpaceAfterKeyword ? $"{Keyword} {Text}" : Keyword + Text;

    /// <summary>Arguments the step passes besides those in its text: 1 for a DataTable or DocString, else 0.</summary>
    public int BlockArgumentCount => DataTable is not null || DocString is not null ? 1 : 0;
}
