using System.Text.Json;
using KafkaResilience.Cli.Tests.Support;

namespace KafkaResilience.Cli.Tests.FeaturesHost;

/// <summary>
/// The transactional send feature run as the README runs the suite (smoke profile, embedded target), its Allure
/// results read back: the planted anomaly of the run (the aborts a read_uncommitted group reads) reaches the report
/// with the transaction id, partition and offset of the first record, on the step and in the verdicts; the
/// read_committed scenario is skipped up front naming the piece the mock lacks.
/// </summary>
public sealed class TransactionReportTests
{
    private const string Feature = "Broker 106 dies during a transactional send and no committed message is lost or read in part";

    [Fact]
    public async Task The_report_names_transaction_partition_and_offset_of_the_aborted_messages_read_and_says_why_read_committed_was_skipped()
    {
        // Given
        using var run = FeaturesHostRun.Start($"Feature={Feature}", new Dictionary<string, string?>());
        var exit = await run.WaitForExitAsync(TimeSpan.FromMinutes(5));
        exit.Should().Be(0, run.Output);

        // When
        var folder = Path.Combine(run.Folders.Work, "allure-results");
        var results = Directory.EnumerateFiles(folder, "*-result.json").Select(f => JsonDocument.Parse(File.ReadAllText(f)).RootElement).ToList();
        var uncommitted = results.Single(r => Name(r).StartsWith("A read_uncommitted group", StringComparison.Ordinal) && Name(r).Contains("messages: 30000", StringComparison.Ordinal));
        var committed = results.Single(r => Name(r).StartsWith("A read_committed group", StringComparison.Ordinal) && Name(r).Contains("messages: 30000", StringComparison.Ordinal));

        // Then: the control step shows the first aborted message read, with its transaction, partition and offset
        uncommitted.GetProperty("status").GetString().Should().Be("passed");
        var control = uncommitted.GetProperty("steps").EnumerateArray().Single(s => Name(s) == "Then group \"raw\" read aborted messages, as read_uncommitted allows");
        var measured = control.GetProperty("parameters").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "measured").GetProperty("value").GetString();
        measured.Should().MatchRegex(@"^present, as expected: 3,000 messages of 30 aborted transactions read by group ""raw"" \(30,000 read\); first: p\d+#\d+ at tx-[0-2]:\d+ \(txn tx-send1#\d+0 \(aborted\)\) read by raw-[0-2]$");

        // Then: so do the verdicts the report attaches, and the transactions attachment lists the aborted ones
        var judged = Attachment(folder, uncommitted, "verdicts").GetProperty("judged").EnumerateArray().ToList();
        var verdict = judged.Single(j => j.GetProperty("step").GetString()!.Contains("read aborted messages", StringComparison.Ordinal)).GetProperty("verdict");
        verdict.GetProperty("examples")[0].GetString().Should().MatchRegex(@"^p\d+#\d+ at tx-[0-2]:\d+ \(txn tx-send1#\d+0 \(aborted\)\) read by raw-[0-2]$");
        judged.Should().OnlyContain(j => j.GetProperty("verdict").GetProperty("validity").GetString() == "Valid");
        var transactions = Attachment(folder, uncommitted, "transactions");
        transactions.GetProperty("committed").GetInt64().Should().Be(270);
        transactions.GetProperty("aborted").GetInt64().Should().Be(30);

        // Then: the read_committed row is skipped, naming what the mock lacks
        committed.GetProperty("status").GetString().Should().Be("skipped");
        committed.GetProperty("statusDetails").GetProperty("message").GetString().Should()
            .Contain("@requires-read-committed: the embedded mock cluster's Fetch ignores isolation.level");
    }

    private static string Name(JsonElement element) => element.GetProperty("name").GetString()!;

    private static JsonElement Attachment(string folder, JsonElement result, string name)
    {
        var source = result.GetProperty("attachments").EnumerateArray().Single(a => a.GetProperty("name").GetString() == name).GetProperty("source").GetString()!;
        return JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, source))).RootElement;
    }
}
