using KafkaResilience.Gherkin.Results;
using KafkaResilience.Gherkin.Tests.Harness;

namespace KafkaResilience.Gherkin.Tests;

public sealed class LanguageTests
{
    [Binding]
    public sealed class ChineseSteps(ScenarioContext context)
    {
        [Given("集群有{int}个代理")]
        public void Brokers(int count) => context.Output($"brokers={count}");

        [When("代理{int}被杀死")]
        public void Kill(int broker) => context.Output($"killed={broker}");

        [Then("没有消息丢失")]
        public void NothingLost() => context.Output("nothing lost");

        [Then("消费者停止")]
        public void ConsumersStop() => context.Output("consumers stopped");
    }

    [Fact]
    public async Task A_zh_CN_feature_runs_end_to_end_with_and_resolved_to_then()
    {
        const string feature = """
            # language: zh-CN
            功能: 消息不丢失
              场景: 杀死一个代理
                假如集群有3个代理
                当代理106被杀死
                那么没有消息丢失
                并且消费者停止
            """;

        var outcome = await RunnerHarness.RunAsync(feature, typeof(ChineseSteps));

        outcome.Single.Outcome.Should().Be(ScenarioOutcome.Passed, outcome.Single.Error?.Message);
        outcome.Output.Should().ContainInOrder("brokers=3", "killed=106", "nothing lost", "consumers stopped");
        outcome.Output.Should().Contain("假如集群有3个代理", "CJK keywords are echoed without an added space");
        outcome.Single.Steps.Select(s => s.ResolvedKeyword).Should().Equal("Given", "When", "Then", "Then");
        outcome.Single.Steps[3].Keyword.Should().Be("并且");
    }

    [Fact]
    public async Task An_undefined_chinese_step_gets_a_snippet_too()
    {
        const string feature = """
            # language: zh-CN
            功能: 片段
              场景: 未定义
                当代理105重启
            """;

        var outcome = await RunnerHarness.RunAsync(feature, typeof(ChineseSteps));

        outcome.Single.Steps[0].Outcome.Should().Be(StepOutcome.Undefined);
        // Cucumber's generator infers {int} only between word boundaries, and CJK characters are word characters.
        outcome.Single.Steps[0].Message.Should().Contain("[When(\"代理105重启\")]").And.Contain("public void When代理105重启()");
    }
}
