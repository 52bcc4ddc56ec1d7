using System.Text;

namespace KafkaResilience.Chaos.Scenario;

/// <summary>The shapes of <see cref="IScenarioScope"/> calls that every implementation shares: text and JSON attachments, the scenario's schedule.</summary>
public static class ScenarioScopeExtensions
{
    public static void AttachText(this IScenarioScope scope, string name, string text)
    {
        ArgumentNullException.ThrowIfNull(scope);
        scope.Attach(name, "text/plain", Encoding.UTF8.GetBytes(text), "txt");
    }

    /// <summary>Attaches text that already is JSON.</summary>
    public static void AttachJson(this IScenarioScope scope, string name, string json)
    {
        ArgumentNullException.ThrowIfNull(scope);
        scope.Attach(name, "application/json", Encoding.UTF8.GetBytes(json), "json");
    }

    /// <summary>
    /// Lets <paramref name="duration"/> pass: the scenario's schedule ("1 second has passed"), not a wait for a
    /// condition; cancelled with the scenario.
    /// </summary>
    public static Task TimePassesAsync(this IScenarioScope scope, TimeSpan duration)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (duration < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(duration), duration, "A duration must not be negative.");
        return Task.Delay(duration, scope.Token);
    }
}
