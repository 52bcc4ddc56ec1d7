using FluentAssertions;
using KafkaResilience.Workloads.History;
using Xunit;

namespace KafkaResilience.Workloads.Tests.History;

/// <summary>The 100M-message ledger memory measurement (issue 8: &lt;= 64 MB). Long: runs only with KAFKA_RESILIENCE_LEDGER_100M=1.</summary>
public sealed class LedgerMemoryMeasurement
{
    [Fact]
    public void A_ledger_of_100_million_messages_fits_in_64_MB()
    {
        Assert.SkipUnless(Environment.GetEnvironmentVariable("KAFKA_RESILIENCE_LEDGER_100M") == "1",
            "Long measurement (100M synthetic records); set KAFKA_RESILIENCE_LEDGER_100M=1 to run it.");
        const long n = 100_000_000;
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var ledger = new HistoryLedger();
        var streams = new[] { ledger.AddProducer("p0", 100), ledger.AddProducer("p1", 100) };
        var consumers = new[] { ledger.AddConsumer("c0"), ledger.AddConsumer("c1"), ledger.AddConsumer("c2") };
        var payload = PayloadFormat.NewBuffer(100, new PayloadHeader(ledger.RunTag, 0, 0, 0));
        var offsets = new long[3];
        var now = ledger.Now();
        for (long i = 0; i < n; i++)
        {
            var stream = (int)(i & 1);
            var seq = i >> 1;
            var partition = (int)(i % 3);
            streams[stream].Sent(seq, now);
            streams[stream].Outcome(seq, SendOutcome.Ok, partition, offsets[partition], now, now + 1000);
            PayloadFormat.Write(payload, new PayloadHeader(ledger.RunTag, stream, seq, now));
            consumers[partition].Consumed(partition, offsets[partition]++, payload, now + 2000);
        }
        var snapshot = ledger.Snapshot();
        var after = GC.GetTotalMemory(forceFullCollection: true);
        GC.KeepAlive(ledger);
        var megabytes = (after - before) / 1024.0 / 1024.0;
        var line = $"ledger for {n:N0} messages: {megabytes:0.0} MB managed heap, {ledger.TrackedBytes / 1024.0 / 1024.0:0.0} MB in bitmaps";
        TestContext.Current.TestOutputHelper?.WriteLine(line);
        TestContext.Current.SendDiagnosticMessage(line);
        snapshot.TotalOk.Should().Be(n);
        snapshot.Reordered.Should().Be(0);
        megabytes.Should().BeLessThanOrEqualTo(64);
    }
}
