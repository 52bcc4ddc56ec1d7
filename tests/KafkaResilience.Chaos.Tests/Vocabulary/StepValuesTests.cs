using System.Text.RegularExpressions;
using FluentAssertions;
using KafkaResilience.Chaos.Vocabulary;
using KafkaResilience.Workloads.Checkers;
using KafkaResilience.Workloads.Consuming;
using Xunit;

namespace KafkaResilience.Chaos.Tests.Vocabulary;

public sealed class StepValuesTests
{
    private static bool Takes(string pattern, string text) => Regex.IsMatch(text, $"^(?:{pattern})$");

    [Theory]
    [InlineData("60000 messages of 100 bytes", 60000, 100)]
    [InlineData("1 message of 1 byte", 1, 1)]
    [InlineData("100,000 messages of 100 bytes", 100000, 100)]
    public void A_batch_reads_its_count_and_size(string text, long count, int size)
    {
        StepValues.Batch(text).Should().Be(new MessageBatch(count, size));
    }

    [Theory]
    [InlineData("-5 messages of 100 bytes", "message count must be a whole number >= 1 (got '-5').")]
    [InlineData("0 messages of 100 bytes", "message count must be a whole number >= 1 (got '0').")]
    [InlineData("lots messages of 100 bytes", "message count must be a whole number >= 1 (got 'lots').")]
    [InlineData("10 messages of 1.5 bytes", "message size must be a whole number of bytes from 1 to 100,000,000 (got '1.5').")]
    public void A_batch_the_vocabulary_cannot_take_is_answered_with_what_is_allowed(string text, string answer)
    {
        Takes(StepValues.BatchPattern, text).Should().BeTrue("the step must bind, so the value is judged instead of the step being undefined");
        var act = () => StepValues.Batch(text);
        act.Should().Throw<FormatException>().WithMessage(answer);
    }

    [Theory]
    [InlineData("at 20000 messages per second", 20000)]
    [InlineData("at 0.5 messages per second", 0.5)]
    [InlineData("as fast as it can", 0)]
    [InlineData("as fast as they can", 0)]
    public void A_pace_reads_its_rate(string text, double rate)
    {
        StepValues.Pace(text).RatePerSecond.Should().Be(rate);
    }

    [Theory]
    [InlineData("at fast messages per second", "fast")]
    [InlineData("at 0 messages per second", "0")]
    [InlineData("at -100 messages per second", "-100")]
    public void A_pace_the_vocabulary_cannot_take_is_answered_with_what_is_allowed(string text, string got)
    {
        Takes(StepValues.PacePattern, text).Should().BeTrue();
        var act = () => StepValues.Pace(text);
        act.Should().Throw<FormatException>().WithMessage($"rate must be a number of messages per second > 0 or 'as fast as it can' (got '{got}').");
    }

    [Theory]
    [InlineData("a producer", 1, 1)]
    [InlineData("4 producers", 4, 1)]
    [InlineData("2 threads sharing one producer", 1, 2)]
    public void Producers_read_instances_and_threads(string text, int instances, int threads)
    {
        StepValues.Producers(text).Should().Be(new ProducerSetup(instances, threads));
    }

    [Theory]
    [InlineData("0 producers", "producer count must be a whole number from 1 to 256 (got '0').")]
    [InlineData("two threads sharing one producer", "thread count must be a whole number from 1 to 256 (got 'two').")]
    public void Producers_the_vocabulary_cannot_take_are_answered_with_what_is_allowed(string text, string answer)
    {
        Takes(StepValues.ProducersPattern, text).Should().BeTrue();
        var act = () => StepValues.Producers(text);
        act.Should().Throw<FormatException>().WithMessage(answer);
    }

    [Fact]
    public void Broker_ids_read_a_list_in_the_order_written_and_leave_the_cluster_s_rule_to_the_cluster()
    {
        StepValues.BrokerIds("105, 106 and 108").Should().Equal(105, 106, 108);
        Takes(StepValues.BrokerIdsPattern, "106 and 108").Should().BeTrue();
        // A repeated id is read as written: ScenarioClusterRefusalTests pins its refusal, by KafkaNames.BrokerIdsProblem.
        StepValues.BrokerIds("105, 105 and 108").Should().Equal(105, 105, 108);
        var act = () => StepValues.BrokerIds("none");
        act.Should().Throw<FormatException>().WithMessage("broker ids must be whole numbers such as \"105, 106 and 108\" (got 'none').");
    }

    [Fact]
    public void A_latency_bound_reads_its_measure_side_and_milliseconds()
    {
        StepValues.Latency("p99.9 latency was at least 100 ms").Should().Be(LatencyBound.AtLeast(LatencyMeasure.P999, 100));
        StepValues.Latency("average latency was at most 2.5 ms").Should().Be(LatencyBound.AtMost(LatencyMeasure.Mean, 2.5));
    }

    [Theory]
    [InlineData("p98 latency was at most 100 ms", "latency measure must be one of p50, p95, p99, p99.9, max, average (got 'p98').")]
    [InlineData("p99 latency was at best 100 ms", "a latency bound must be 'at most' or 'at least' (got 'at best').")]
    [InlineData("p99 latency was at most -3 ms", "a latency bound must be a number of milliseconds > 0 (got '-3').")]
    public void A_latency_bound_the_vocabulary_cannot_take_is_answered_with_what_is_allowed(string text, string answer)
    {
        Takes(StepValues.LatencyPattern, text).Should().BeTrue();
        var act = () => StepValues.Latency(text);
        act.Should().Throw<FormatException>().WithMessage(answer);
    }

    [Fact]
    public void A_delivery_count_is_read_by_its_words_and_a_misspelt_one_lists_them_all()
    {
        StepValues.Count("messages delivered twice").Should().Be(DeliveryCount.DeliveredTwice);
        var act = () => StepValues.Count("lost mesages");
        act.Should().Throw<FormatException>().WithMessage("the count must be one of: lost messages, messages the consumers never processed, *failed sends (got 'lost mesages').");
    }

    [Fact]
    public void A_commit_mode_is_read_by_its_words()
    {
        StepValues.Commit("automatically").Should().Be(CommitMode.Auto);
        StepValues.Commit("after processing").Should().Be(CommitMode.AfterProcessing);
    }
}
