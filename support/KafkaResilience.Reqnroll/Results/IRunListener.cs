namespace KafkaResilience.Reqnroll.Results;

/// <summary>
/// Hears a test run as it happens (the Allure writer and the Markdown summary are listeners).
/// Calls may come from several threads; a listener that throws is reported, never breaks the run.
/// </summary>
public interface IRunListener
{
    void RunStarting(RunInfo run);

    void ScenarioFinished(ScenarioResult result);

    void RunFinished(RunInfo run);
}
