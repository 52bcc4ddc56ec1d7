using KafkaResilience.Reqnroll.Results;
using KafkaResilience.Reqnroll.Tests.Harness;
using Reqnroll;

namespace KafkaResilience.Reqnroll.Tests;

/// <summary>A feature in another language (zh-CN) runs through the host on Reqnroll with its own keywords.</summary>
public sealed class LanguageTests
{
    [Binding]
    [Scope(Tag = "language")]
    public sealed class ChineseSteps(IReqnrollOutputHelper output)
    {
        [Given("集群有{int}个代理")]
        public void Brokers(int count) => output.WriteLine($"brokers={count}");

        [When("代理{int}被杀死")]
        public void Kill(int broker) => output.WriteLine($"killed={broker}");

        [Then("没有消息丢失")]
        public void NothingLost() => output.WriteLine("nothing lost");

        [Then("消费者停止")]
        public void ConsumersStop() => output.WriteLine("consumers stopped");
    }

    [Fact]
    public async Task A_zh_CN_feature_runs_end_to_end_with_and_resolved_to_then()
    {
        const string feature = """
            # language: zh-CN
            @language
            功能: 消息不丢失
              场景: 杀死一个代理
                假如集群有3个代理
                当代理106被杀死
                那么没有消息丢失
                并且消费者停止
            """;

        var outcome = await HostHarness.RunAsync(feature);

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
            @language
            功能: 片段
              场景: 未定义
                当代理105重启
            """;

        var outcome = await HostHarness.RunAsync(feature);

        outcome.Single.Steps[0].Outcome.Should().Be(StepOutcome.Undefined);
        outcome.Single.Steps[0].Message.Should().Contain("(test.feature:5)").And.Contain("[When(\"代理{int}重启\")]");
    }
}
