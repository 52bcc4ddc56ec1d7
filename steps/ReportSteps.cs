using KafkaResilience.Chaos.Scenario;
using Reqnroll;

namespace KafkaResilience.Steps;

/// <summary>Steps that add to the report: a row of a seed-shaped sweep table.</summary>
[Binding]
public sealed class ReportSteps(ScenarioReport report)
{
    [Then("the sweep table {string} gets this row, the seed's values beside the measured ones:")]
    public void SweepRow(string title, DataTable row) => report.AddSweepRow(title, [.. row.Header], [.. row.Rows[0].Values]);
}
