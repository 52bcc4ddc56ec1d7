using KafkaResilience.Gherkin.Results;

[assembly: KafkaResilience.Gherkin.RunListener(typeof(KafkaResilience.Gherkin.Tests.SelfTest.SelfTestListener))]

namespace KafkaResilience.Gherkin.Tests.SelfTest;

/// <summary>
/// A listener declared the way the Allure writer will be; in the self-test host it checks that every
/// scenario result it hears is complete and says so on stderr otherwise.
/// </summary>
public sealed class SelfTestListener : IRunListener
{
    private int _scenarios;

    public void RunStarting(RunInfo run)
    {
    }

    public void ScenarioFinished(ScenarioResult result)
    {
        _scenarios++;
        if (result.Outcome == ScenarioOutcome.Passed && result.Steps.Any(s => s.Outcome != StepOutcome.Passed))
        {
            Console.Error.WriteLine($"SelfTestListener: {result.Scenario.DisplayName} passed with a step that did not pass.");
        }
    }

    public void RunFinished(RunInfo run)
    {
        if (_scenarios == 0) Console.Error.WriteLine("SelfTestListener: the run finished without scenarios.");
    }
}
