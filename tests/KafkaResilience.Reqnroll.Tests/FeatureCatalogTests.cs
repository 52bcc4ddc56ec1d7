using KafkaResilience.Reqnroll.Catalog;
using KafkaResilience.Reqnroll.Tests.Harness;
using KafkaResilience.Reqnroll.Xunit;
using Reqnroll.Bindings;

namespace KafkaResilience.Reqnroll.Tests;

/// <summary>How feature files become cases: rows, tags, backgrounds, profiles, and what cannot run named with file and line.</summary>
public sealed class FeatureCatalogTests
{
    private static readonly TagProfile Smoke = TagProfile.Smoke;
    private static readonly TagProfile Full = TagProfile.Full;

    private const string Outline = """
        @feature-tag
        Feature: Brokers

          @rule-tag
          Rule: Failover

            Background:
              Given a rule background step

            @scenario-tag
            Scenario Outline: broker <broker> dies
              When broker <broker> is killed after <delay>

              @smoke @first
              Examples: small
                | broker | delay |
                | 106    | 1 s   |

              @full
              Examples: seed
                | broker | delay |
                | 105    | 2 s   |
                | 108    | 3 s   |
        """;

    [Fact]
    public void Every_examples_row_of_every_block_is_its_own_case_with_substituted_values()
    {
        using var workspace = new FeatureWorkspace();
        workspace.Write("brokers.feature", Outline);

        var cases = FeatureCatalog.Load(workspace.Root, Smoke);

        cases.Should().HaveCount(3);
        cases.Select(c => c.Info.ScenarioTitle).Should().Equal("broker 106 dies", "broker 105 dies", "broker 108 dies");
        cases.Select(c => c.Steps[^1].Text).Should().Equal("broker 106 is killed after 1 s", "broker 105 is killed after 2 s", "broker 108 is killed after 3 s");
        cases[1].Info.ExampleValues.Should().Equal(new KeyValuePair<string, string>("broker", "105"), new KeyValuePair<string, string>("delay", "2 s"));
        cases[0].Info.DisplayName.Should().Be("Brokers › broker 106 dies [broker: 106, delay: 1 s]");
        cases.Select(c => c.Info.Id).Should().Equal("brokers.feature:11:1", "brokers.feature:11:2", "brokers.feature:11:3");
        cases.Select(c => c.Info.Line).Should().Equal(17, 22, 23);
    }

    [Fact]
    public void Tags_are_inherited_from_feature_rule_scenario_and_examples_without_the_at_sign()
    {
        using var workspace = new FeatureWorkspace();
        workspace.Write("brokers.feature", Outline);

        var cases = FeatureCatalog.Load(workspace.Root, Smoke);

        cases[0].Info.Tags.Should().Equal("feature-tag", "rule-tag", "scenario-tag", "smoke", "first");
        cases[1].Info.Tags.Should().Equal("feature-tag", "rule-tag", "scenario-tag", "full");
        cases[0].FeatureTags.Should().Equal("feature-tag");
        cases[0].Info.RuleTitle.Should().Be("Failover");
    }

    [Fact]
    public void Examples_of_the_other_profile_are_skipped_with_the_profile_s_reason_and_counted_apart()
    {
        using var workspace = new FeatureWorkspace();
        workspace.Write("brokers.feature", Outline);

        var smoke = FeatureCatalog.Load(workspace.Root, Smoke);
        var full = FeatureCatalog.Load(workspace.Root, Full);

        smoke[0].SkipReason.Should().BeNull();
        smoke[1].SkipReason.Should().Be("not in this profile: profile 'full' only; running profile 'smoke'");
        full[0].SkipReason.Should().Be("not in this profile: profile 'smoke' only; running profile 'full'");
        full[1].SkipReason.Should().BeNull();
        smoke[1].NotInProfile.Should().BeTrue("reports count such rows apart");
        full[0].NotInProfile.Should().BeTrue();
        smoke[0].NotInProfile.Should().BeFalse();
    }

    [Fact]
    public void Backgrounds_of_the_feature_and_the_rule_come_first_in_that_order()
    {
        using var workspace = new FeatureWorkspace();
        workspace.Write("bg.feature", """
            Feature: Backgrounds
              Background:
                Given a feature background step

              Scenario: outside any rule
                When the scenario step runs

              Rule: a rule
                Background:
                  Given a rule background step
                  But a second rule background step

                Scenario: inside the rule
                  When the scenario step runs
                  And another step
                  * a star step
            """);

        var cases = FeatureCatalog.Load(workspace.Root, Smoke);

        cases[0].Steps.Select(s => s.Text).Should().Equal("a feature background step", "the scenario step runs");
        cases[1].Steps.Select(s => s.Text).Should().Equal(
            "a feature background step", "a rule background step", "a second rule background step", "the scenario step runs", "another step", "a star step");
        cases[1].Steps.Select(s => s.FromBackground).Should().Equal(true, true, true, false, false, false);
        cases[1].Steps.Select(s => s.ResolvedKeyword).Should().Equal(
            StepDefinitionType.Given, StepDefinitionType.Given, StepDefinitionType.Given, StepDefinitionType.When, StepDefinitionType.When, StepDefinitionType.When);
        cases[1].Steps.Select(s => s.Keyword).Should().Equal("Given", "Given", "But", "When", "And", "*");
    }

    [Fact]
    public void Ignore_skips_with_a_reason_and_an_invalid_timeout_tag_fails_the_case()
    {
        using var workspace = new FeatureWorkspace();
        workspace.Write("tags.feature", """
            Feature: Tags
              @ignore
              Scenario: ignored
                Given anything

              @timeout:soon
              Scenario: bad timeout
                Given anything

              @timeout:90
              Scenario: good timeout
                Given anything
            """);

        var cases = FeatureCatalog.Load(workspace.Root, Smoke);

        cases[0].SkipReason.Should().Be("ignored by the @ignore tag");
        cases[0].NotInProfile.Should().BeFalse("an ignored scenario is not another profile's");
        cases[1].Error.Should().Contain("tags.feature:7").And.Contain("@timeout:soon").And.Contain("@timeout:<seconds>");
        cases[2].Timeout.Should().Be(TimeSpan.FromSeconds(90));
        cases[0].Timeout.Should().Be(TimeSpan.FromMinutes(20));
    }

    [Fact]
    public void A_malformed_file_is_one_failing_case_naming_file_line_and_column_while_other_files_load()
    {
        using var workspace = new FeatureWorkspace();
        workspace.Write("a-good.feature", """
            Feature: Good
              Scenario: fine
                Given anything
            """);
        var broken = workspace.Write("b-broken.feature", """
            Feature: Broken
              Scenario: fine so far
                Given anything
              this line is not Gherkin
                | a table | without a step |
            """);
        workspace.Write("c-good.feature", """
            Feature: Also good
              Scenario: fine too
                Given anything
            """);

        var cases = FeatureCatalog.Load(workspace.Root, Smoke);

        cases.Select(c => c.Info.DisplayName).Should().Equal(
            "Good › fine", "b-broken.feature › the feature file cannot be parsed", "Also good › fine too");
        cases[1].Error.Should().Contain($"{broken}:4:3: ").And.Contain("expected:");
        cases[0].Error.Should().BeNull();
        cases[2].Error.Should().BeNull();
    }

    [Fact]
    public void Chinese_keywords_parse_and_resolve_with_the_language_header()
    {
        using var workspace = new FeatureWorkspace();
        workspace.Write("zh.feature", """
            # language: zh-CN
            功能: 消息不丢失
              场景: 杀死一个代理
                假如集群有3个代理
                当代理106被杀死
                那么没有消息丢失
                并且消费者停止
            """);

        var cases = FeatureCatalog.Load(workspace.Root, Smoke);

        cases.Should().ContainSingle();
        cases[0].Info.Language.Should().Be("zh-CN");
        cases[0].Info.DisplayName.Should().Be("消息不丢失 › 杀死一个代理");
        cases[0].Steps.Select(s => s.ResolvedKeyword).Should().Equal(StepDefinitionType.Given, StepDefinitionType.When, StepDefinitionType.Then, StepDefinitionType.Then);
        cases[0].Steps.Select(s => s.Text).Should().Equal("集群有3个代理", "代理106被杀死", "没有消息丢失", "消费者停止");
    }

    [Fact]
    public void Theory_rows_carry_display_names_category_traits_the_feature_trait_and_the_row_trait()
    {
        using var workspace = new FeatureWorkspace();
        workspace.Write("brokers.feature", Outline);

        var rows = FeatureScenariosAttribute.Rows(FeatureCatalog.Load(workspace.Root, Smoke));

        rows.Should().HaveCount(3);
        rows[0].TestDisplayName.Should().Be("Brokers › broker 106 dies [broker: 106, delay: 1 s]");
        rows[0].Traits["Category"].Should().BeEquivalentTo("feature-tag", "rule-tag", "scenario-tag", "smoke", "first");
        rows[0].Traits["Feature"].Should().BeEquivalentTo("Brokers");
        rows[0].Data.Should().Equal("brokers.feature:11:1");
        rows[0].Traits["Row"].Should().Equal("brokers.feature:11:1");
        rows.Select(r => r.Traits["Row"].Single()).Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public void A_missing_features_folder_is_a_failing_configuration_case()
    {
        var cases = FeatureCatalog.Load(Path.Combine(Path.GetTempPath(), "kr-no-such-folder-" + Guid.NewGuid().ToString("N")), Smoke);

        cases.Should().ContainSingle().Which.Error.Should().Contain("does not exist");
    }

    [Fact]
    public void A_scenario_whose_step_lines_start_with_a_misspelt_keyword_is_a_failing_case_naming_file_line_and_why()
    {
        // Given: "Whenever" is no keyword, so Gherkin reads every line under the scenario as its description
        using var workspace = new FeatureWorkspace();
        workspace.Write("typo.feature", """
            Feature: Brokers
              Scenario: broker 106 dies
                Whenever a cluster of brokers 105, 106 and 108
                Thenever no message is lost
            """);

        // When
        var cases = FeatureCatalog.Load(workspace.Root, Smoke);

        // Then
        var single = cases.Should().ContainSingle().Subject;
        single.Steps.Should().BeEmpty();
        single.Error.Should().StartWith("typo.feature:2: the scenario \"broker 106 dies\" has no steps")
            .And.Contain("never passes")
            .And.Contain("from typo.feature:3: \"Whenever a cluster of brokers 105, 106 and 108\"")
            .And.Contain("Given, When, Then, And, But, *");
    }

    [Fact]
    public void A_scenario_with_no_steps_at_all_is_a_failing_case_even_in_the_other_profile()
    {
        using var workspace = new FeatureWorkspace();
        workspace.Write("empty.feature", """
            Feature: Brokers
              Background:
                Given a cluster

              @full
              Scenario: nothing yet
            """);

        var cases = FeatureCatalog.Load(workspace.Root, Smoke);

        cases.Should().ContainSingle().Which.Error.Should().StartWith("empty.feature:6: the scenario \"nothing yet\" has no steps");
    }

    [Fact]
    public void An_examples_table_naming_a_column_twice_is_one_failing_case_naming_file_line_and_the_column()
    {
        using var workspace = new FeatureWorkspace();
        workspace.Write("sweep.feature", """
            Feature: Sweep
              Scenario Outline: <n> topics
                When <n> topics are written

                Examples: twice
                  | n | messages | n  |
                  | 3 | 1000     | 6  |
                  | 6 | 2000     | 12 |

                Examples: fine
                  | n  | messages |
                  | 12 | 3000     |
            """);

        var cases = FeatureCatalog.Load(workspace.Root, Smoke);

        cases.Should().HaveCount(2);
        cases[0].Error.Should().Be("sweep.feature:6: the Examples table of \"<n> topics\" names the column \"n\" twice (columns 1 and 3); every column needs a name of its own.");
        cases[0].Info.Line.Should().Be(6);
        cases[1].Error.Should().BeNull();
        cases[1].Info.Id.Should().Be("sweep.feature:2:3", "the rows of the other tables keep their ids");
        cases.Select(c => c.Info.Id).Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public void An_examples_table_without_rows_is_a_failing_case()
    {
        using var workspace = new FeatureWorkspace();
        workspace.Write("sweep.feature", """
            Feature: Sweep
              Scenario Outline: <n> topics
                When <n> topics are written

                Examples:
                  | n |
            """);

        var cases = FeatureCatalog.Load(workspace.Root, Smoke);

        cases.Should().ContainSingle().Which.Error.Should().Be(
            "sweep.feature:6: the Examples table of \"<n> topics\" has no rows, so the outline would never run; give it a header row and at least one row of values.");
    }

    [Fact]
    public void A_feature_without_scenarios_is_a_failing_case()
    {
        using var workspace = new FeatureWorkspace();
        workspace.Write("nothing.feature", """
            Feature: Brokers
              Scenaro: broker 106 dies (misspelt, so Gherkin reads this as description text)
                Whenever a cluster of brokers 105, 106 and 108
            """);

        var cases = FeatureCatalog.Load(workspace.Root, Smoke);

        cases.Should().ContainSingle().Which.Error.Should().StartWith("nothing.feature:1: the feature \"Brokers\" has no scenarios");
    }
}
