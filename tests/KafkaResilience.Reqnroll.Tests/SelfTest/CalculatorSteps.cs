using System.Globalization;
using KafkaResilience.Reqnroll.Running;
using Reqnroll;

namespace KafkaResilience.Reqnroll.Tests.SelfTest;

/// <summary>Step definitions of the host's self-test features (tagged @self-test), with Reqnroll's context injection.</summary>
[Binding]
[Scope(Tag = "self-test")]
public sealed class CalculatorSteps(Calculator calculator, RunningScenario running, IReqnrollOutputHelper output)
{
    [Given("the total is {long}")]
    [Given("总数是{long}")]
    public void TotalIs(long total) => calculator.Total = total;

    [When("I add {int}")]
    [When("我加上{int}")]
    public void Add(int value) => calculator.Total += value;

    [When("I add these numbers:")]
    public void AddAll(DataTable table)
    {
        foreach (var row in table.Rows) calculator.Total += long.Parse(row["number"], CultureInfo.InvariantCulture);
    }

    [When("I add the numbers in:")]
    public void AddDocString(string text)
    {
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            calculator.Total += long.Parse(line, CultureInfo.InvariantCulture);
        }
    }

    [When("a real Kafka is required")]
    public void RequiresRealKafka() => running.Skip("the self-test has no Kafka; skipping at run time as a binding would");

    [Then("the total is {long}")]
    [Then("总数是{long}")]
    public void TotalShouldBe(long expected)
    {
        output.WriteLine($"total = {calculator.Total}");
        if (calculator.Total != expected) throw new InvalidOperationException($"The total is {calculator.Total}, expected {expected}.");
    }
}
