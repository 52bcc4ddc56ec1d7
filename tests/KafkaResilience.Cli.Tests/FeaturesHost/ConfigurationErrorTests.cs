using KafkaResilience.Cli.Tests.Support;

namespace KafkaResilience.Cli.Tests.FeaturesHost;

/// <summary>
/// The features host run as the README runs it, with a filter that leaves out every case a configuration
/// error could fail: the run must still fail, with the message, not pass as "all skipped" or end as "zero tests ran".
/// </summary>
public sealed class ConfigurationErrorTests
{
    [Fact]
    public async Task An_invalid_profile_fails_the_run_with_its_message_whatever_the_filter()
    {
        using var run = FeaturesHostRun.Start("Category=throughput", new Dictionary<string, string?> { ["KAFKA_RESILIENCE_PROFILE"] = "huge" });

        var exit = await run.WaitForExitAsync(TimeSpan.FromMinutes(3));

        exit.Should().Be(1, $"not 0 (all skipped) nor 8 (zero tests ran):{Environment.NewLine}{run.Output}");
        run.Output.Should().Contain("KAFKA_RESILIENCE_PROFILE='huge' is not a profile; allowed values: smoke, full (default smoke).");
        run.Output.Should().NotContain("Unhandled exception");
    }

    [Fact]
    public async Task A_missing_features_folder_fails_the_run_with_its_message_whatever_the_filter()
    {
        var missing = Path.Combine(Path.GetTempPath(), "kr-no-such-features-" + Guid.NewGuid().ToString("N"));
        using var run = FeaturesHostRun.Start("Category=throughput", new Dictionary<string, string?> { ["KAFKA_RESILIENCE_FEATURES"] = missing });

        var exit = await run.WaitForExitAsync(TimeSpan.FromMinutes(3));

        exit.Should().Be(1, $"not 0 (all skipped) nor 8 (zero tests ran):{Environment.NewLine}{run.Output}");
        run.Output.Should().Contain($"KAFKA_RESILIENCE_FEATURES='{missing}': the features folder '{missing}' does not exist");
    }

    [Fact]
    public async Task An_invalid_target_fails_the_run_with_its_message_even_when_the_filter_selects_only_skipped_cases()
    {
        // Given: in the smoke profile every @full row is skipped, so no scenario would ever read the target
        using var run = FeaturesHostRun.Start("Category=full", new Dictionary<string, string?> { ["KAFKA_RESILIENCE_TARGET"] = "kubernetes" });

        var exit = await run.WaitForExitAsync(TimeSpan.FromMinutes(3));

        exit.Should().Be(1, $"not 0 (all skipped):{Environment.NewLine}{run.Output}");
        run.Output.Should().Contain("KAFKA_RESILIENCE_TARGET='kubernetes' is not a target; allowed values: auto, embedded, docker, external (default auto).");
    }
}
