using KafkaResilience.Reqnroll.Results;
using Reqnroll;
using Reqnroll.Bindings;

namespace KafkaResilience.Reqnroll.Catalog;

/// <summary>
/// One step of an expanded scenario (backgrounds included, outline values substituted), with the keyword
/// as written, the keyword Reqnroll is called with (And/But stay And/But, and Reqnroll gives them the meaning of
/// the step before), and that resolved meaning.
/// </summary>
public sealed record ScenarioStep(
    string Keyword,
    StepDefinitionKeyword CallKeyword,
    StepDefinitionType ResolvedKeyword,
    string Text,
    int Line,
    TableRows? DataTable,
    DocStringArgument? DocString,
    bool FromBackground,
    bool SpaceAfterKeyword = true)
{
    /// <summary>The step as written ("Given broker 106 is killed"; "假如集群有3个代理" keeps no space).</summary>
    public string Echo => SpaceAfterKeyword ? $"{Keyword} {Text}" : Keyword + Text;

    /// <summary>The step's table as Reqnroll takes it (header row first), or null.</summary>
    public Table? ToTable()
    {
        if (DataTable is not { Rows.Count: > 0 } rows) return null;
        var table = new Table([.. rows.Rows[0]]);
        foreach (var row in rows.Rows.Skip(1)) table.AddRow([.. row]);
        return table;
    }
}
