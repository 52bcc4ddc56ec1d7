namespace KafkaResilience.Reqnroll.Running;

/// <summary>A step or hook ran past its scenario's timeout (default 20 minutes, or the scenario's <c>@timeout:N</c> tag).</summary>
public sealed class ScenarioTimeoutException(string message) : TimeoutException(message)
{
    /// <summary>The failure of a scenario whose <paramref name="timeout"/> passed, naming it and how to change it.</summary>
    public static ScenarioTimeoutException After(TimeSpan timeout) =>
        new($"The scenario timed out after {Describe(timeout)} (default 20 minutes; tag the scenario @timeout:<seconds> to change it).");

    private static string Describe(TimeSpan timeout) =>
        timeout.TotalMinutes >= 1 && timeout.Seconds == 0 ? $"{timeout.TotalMinutes:0} min" : $"{timeout.TotalSeconds:0} s";
}
