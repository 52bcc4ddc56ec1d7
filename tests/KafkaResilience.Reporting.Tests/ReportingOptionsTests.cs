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
}
