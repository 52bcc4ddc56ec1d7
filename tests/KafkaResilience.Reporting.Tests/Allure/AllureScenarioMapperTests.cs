using System.Text;
using FluentAssertions;
using KafkaResilience.Reqnroll.Results;
using KafkaResilience.Reporting.Allure;
using Xunit;

namespace KafkaResilience.Reporting.Tests.Allure;

public sealed class AllureScenarioMapperTests
{
    private static AllureScenarioMapper Mapper() => new(Guid.NewGuid, "/repo", "ci-host");

    [Fact]
    public void Labels_name_feature_suite_rule_tags_severity_host_thread_framework_and_language()
    {
        var info = Scenarios.Info(rule: "Leaders move off a dead broker", tags: ["smoke", "critical", "allure.label.layer:chaos"]);

        var result = Mapper().Map(Scenarios.Passed(info), "42@ci-host.thread-7").Result;

        result.Labels.Should().BeEquivalentTo(new AllureLabel[]
        {
            new("feature", "Broker loss"), new("suite", "Broker loss"), new("subSuite", "Leaders move off a dead broker"),
            new("tag", "smoke"), new("severity", "critical"), new("layer", "chaos"),
            new("host", "ci-host"), new("thread", "42@ci-host.thread-7"),
            new("framework", "Reqnroll"), new("language", "C#"),
        }, o => o.WithStrictOrdering());
    }

    [Fact]
    public void Without_a_severity_tag_the_severity_is_normal_and_without_a_rule_there_is_no_sub_suite()
    {
        var labels = Mapper().Map(Scenarios.Passed(), "t").Result.Labels;

        labels.Should().ContainSingle(l => l.Name == "severity").Which.Value.Should().Be("normal");
        labels.Should().NotContain(l => l.Name == "subSuite");
    }

    [Fact]
    public void What_a_step_reported_becomes_its_parameters_and_other_steps_have_none()
    {
        var passed = Scenarios.Passed();
        var steps = passed.Steps.ToList();
        steps[3] = steps[3] with { Parameters = [new("expected", "none lost"), new("measured", "100,000 acked, 100,000 read, 0 lost")] };

        var result = Mapper().Map(passed with { Steps = steps }, "t").Result;

        result.Steps[3].Parameters.Should().Equal(new AllureParameter("expected", "none lost"), new AllureParameter("measured", "100,000 acked, 100,000 read, 0 lost"));
        result.Steps.Take(3).Should().OnlyContain(s => s.Parameters.Count == 0);
    }

    [Fact]
    public void A_row_of_another_profile_is_tagged_not_in_this_profile_and_a_target_skip_is_not()
    {
        var notInProfile = Scenarios.Skipped("not in this profile: profile 'full' only; running profile 'smoke'") with { NotInProfile = true };
        var cannotModel = Scenarios.Skipped("the embedded target cannot model this scenario: @requires-replication");

        var skipped = Mapper().Map(notInProfile, "t").Result;

        skipped.Status.Should().Be(AllureStatus.Skipped);
        skipped.Labels.Should().ContainSingle(l => l.Name == "tag" && l.Value == AllureScenarioMapper.NotInProfileTag);
        skipped.StatusDetails!.Message.Should().StartWith("not in this profile: ");
        Mapper().Map(cannotModel, "t").Result.Labels.Should().NotContain(l => l.Value == AllureScenarioMapper.NotInProfileTag);
    }

    [Fact]
    public void An_outline_row_carries_its_values_as_parameters_and_in_its_name()
    {
        var info = Scenarios.Info(title: "Throughput by topic count", examples: [new("topics", "12"), new("partitions", "3")]);

        var result = Mapper().Map(Scenarios.Passed(info), "t").Result;

        result.Name.Should().Be("Throughput by topic count [topics: 12, partitions: 3]");
        result.Parameters.Should().Equal(new AllureParameter("topics", "12"), new AllureParameter("partitions", "3"));
        result.FullName.Should().Be("features/broker_loss.feature:12 Broker loss › Throughput by topic count [topics: 12, partitions: 3]");
    }

    [Fact]
    public void Steps_read_with_their_resolved_keyword_and_carry_table_and_doc_string_as_attachments()
    {
        var mapped = Mapper().Map(Scenarios.Passed(), "t");

        mapped.Result.Steps.Select(s => s.Name).Should().Equal(
            "Given a cluster of brokers 105, 106 and 108",
            "Given a topic \"q_1\" with 3 partitions",
            "When broker 106 is killed",
            "Then no acknowledged message is lost");
        mapped.Result.Steps.Should().OnlyContain(s => s.Status == "passed" && s.Stage == "finished" && s.Stop >= s.Start);

        var table = mapped.Result.Steps[0].Attachments.Should().ContainSingle().Subject;
        table.Should().BeEquivalentTo(new { Name = "Data table", Type = "text/csv" });
        table.Source.Should().EndWith("-attachment.csv");
        Encoding.UTF8.GetString(mapped.Files.Single(f => f.FileName == table.Source).Content)
            .Should().Be("broker,role\r\n105,\"leader, p0\"\r\n106,follower\r\n");

        var doc = mapped.Result.Steps[2].Attachments.Should().ContainSingle().Subject;
        doc.Should().BeEquivalentTo(new { Name = "Doc string", Type = "application/json" });
        doc.Source.Should().EndWith("-attachment.json");

        mapped.Result.Steps[3].Attachments.Should().ContainSingle().Which.Name.Should().Be("verdict");
        mapped.Files.Should().HaveCount(3).And.OnlyHaveUniqueItems(f => f.FileName);
    }

    [Fact]
    public void Scenario_attachments_are_files_named_by_uuid_and_referenced_by_the_result()
    {
        var png = new byte[] { 0x89, 0x50, 0x4E, 0x47 };

        var mapped = Mapper().Map(Scenarios.Passed(attachments: [new Attachment("throughput", "image/png", png, ".png")]), "t");

        var reference = mapped.Result.Attachments.Should().ContainSingle().Subject;
        reference.Name.Should().Be("throughput");
        reference.Type.Should().Be("image/png");
        reference.Source.Should().MatchRegex("^[0-9a-f-]{36}-attachment\\.png$");
        mapped.Files.Single(f => f.FileName == reference.Source).Content.Should().Equal(png);
    }

    [Fact]
    public void Hooks_become_before_and_after_fixtures_of_a_container_whose_child_is_the_result()
    {
        var hooks = new[]
        {
            Scenarios.Hook("StartCluster", before: true),
            Scenarios.Hook("HealAllFaults", before: false, StepOutcome.Failed, new IOException("proxy gone")),
        };

        var mapped = Mapper().Map(Scenarios.Passed(hooks: hooks), "t");

        var container = mapped.Container!;
        container.Children.Should().Equal(mapped.Result.Uuid);
        container.Uuid.Should().NotBe(mapped.Result.Uuid);
        container.Befores.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Name = "BeforeScenario: StartCluster", Status = "passed" });
        container.Afters.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Name = "AfterScenario: HealAllFaults", Status = "broken" });
        container.Afters[0].StatusDetails!.Message.Should().Be("proxy gone");
    }

    [Fact]
    public void A_scenario_without_hooks_has_no_container()
    {
        Mapper().Map(Scenarios.Passed(), "t").Container.Should().BeNull();
    }

    [Fact]
    public void History_and_test_case_ids_do_not_depend_on_the_checkout_path_or_the_run()
    {
        var here = new AllureScenarioMapper(Guid.NewGuid, "/home/a/src", "h").Map(
            Scenarios.Passed(Scenarios.Info(file: "/home/a/src/features/x.feature")), "t").Result;
        var there = new AllureScenarioMapper(Guid.NewGuid, "/builds/b", "h").Map(
            Scenarios.Passed(Scenarios.Info(file: "/builds/b/features/x.feature")), "t").Result;

        there.HistoryId.Should().Be(here.HistoryId).And.MatchRegex("^[0-9a-f]{32}$");
        there.TestCaseId.Should().Be(here.TestCaseId);
        there.Uuid.Should().NotBe(here.Uuid);
    }

    [Fact]
    public void Two_rows_of_an_outline_share_the_test_case_id_but_not_the_history_id()
    {
        var row1 = Scenarios.Info(examples: [new("topics", "3")]);
        var row2 = Scenarios.Info(examples: [new("topics", "6")]);

        var a = Mapper().Map(Scenarios.Passed(row1), "t").Result;
        var b = Mapper().Map(Scenarios.Passed(row2), "t").Result;

        a.TestCaseId.Should().Be(b.TestCaseId);
        a.HistoryId.Should().NotBe(b.HistoryId);
    }

    [Fact]
    public void Times_are_unix_milliseconds()
    {
        var result = Mapper().Map(Scenarios.Passed(), "t").Result;

        result.Start.Should().Be(Scenarios.T0.ToUnixTimeMilliseconds());
        result.Stop.Should().Be(Scenarios.T0.AddSeconds(3).ToUnixTimeMilliseconds());
    }
}
