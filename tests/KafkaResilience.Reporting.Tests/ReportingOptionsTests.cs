using FluentAssertions;
using Xunit;

namespace KafkaResilience.Reporting.Tests;

public sealed class ReportingOptionsTests : IDisposable
{
    private readonly TempDirectory _repo = new();

    public ReportingOptionsTests()
    {
        File.WriteAllText(_repo.Combine(RepositoryRoot.MarkerFile), string.Empty);
        Directory.CreateDirectory(_repo.Combine("tests", "bin", "Debug"));
    }

    public void Dispose() => _repo.Dispose();

    private ReportingOptions From(Dictionary<string, string> env) =>
        ReportingOptions.FromEnvironment(n => env.GetValueOrDefault(n), env, _repo.Combine("tests", "bin", "Debug"));

    [Fact]
    public void By_default_results_go_to_allure_results_at_the_repository_root_and_are_cleared()
    {
        var options = From([]);

        options.ResultsDirectory.Should().Be(_repo.Combine("allure-results"));
        options.RepositoryRoot.Should().Be(_repo.Path);
        options.Clean.Should().BeTrue();
    }

    [Fact]
    public void The_environment_can_move_the_results_and_keep_the_previous_ones()
    {
        var options = From(new() { [ReportingOptions.ResultsDirectoryVariable] = _repo.Combine("elsewhere"), [ReportingOptions.CleanVariable] = "false" });

        options.ResultsDirectory.Should().Be(_repo.Combine("elsewhere"));
        options.Clean.Should().BeFalse();
    }

    [Fact]
    public void An_unreadable_clean_flag_is_refused_naming_the_variable_and_the_allowed_values()
    {
        var act = () => From(new() { [ReportingOptions.CleanVariable] = "maybe" });

        act.Should().Throw<ArgumentException>().WithMessage("*KAFKA_RESILIENCE_ALLURE_CLEAN*true, false*maybe*");
    }

    [Fact]
    public void Values_of_secret_looking_variables_become_secrets_to_mask()
    {
        var options = From(new()
        {
            ["KAFKA_RESILIENCE_SASL_PASSWORD"] = "hunter2-long",
            ["SOME_API_TOKEN"] = "tok-123456",
            ["PASSWORD_ENABLED"] = "1",
            ["PATH"] = "/usr/bin",
        });

        options.Secrets.Should().BeEquivalentTo("hunter2-long", "tok-123456");
    }

    [Fact]
    public void Secret_values_of_the_target_settings_file_are_masked_too()
    {
        // Given: a settings file with a SASL password (and a nested token), named by the variable
        var file = _repo.Combine("target.json");
        File.WriteAllText(file, """{ "bootstrap": "127.0.0.1:1", "saslUsername": "alice", "saslPassword": "s3cr3t-from-file", "extra": { "apiToken": "tok-12345" } }""");

        // When
        var options = From(new() { [ReportingOptions.SettingsFileVariable] = file });

        // Then
        options.Secrets.Should().Contain(["s3cr3t-from-file", "tok-12345"]).And.NotContain("alice").And.NotContain("127.0.0.1:1");
    }

    [Fact]
    public void A_missing_or_malformed_settings_file_adds_no_secret_and_no_error()
    {
        var broken = _repo.Combine("broken.json");
        File.WriteAllText(broken, "{ not json");

        From(new() { [ReportingOptions.SettingsFileVariable] = broken }).Secrets.Should().BeEmpty();
        From(new() { [ReportingOptions.SettingsFileVariable] = _repo.Combine("absent.json") }).Secrets.Should().BeEmpty();
    }
}
