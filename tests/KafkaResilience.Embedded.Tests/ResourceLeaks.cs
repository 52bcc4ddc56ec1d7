using System.Net.NetworkInformation;
using Confluent.Kafka;
using FluentAssertions;

namespace KafkaResilience.Embedded.Tests;

/// <summary>After-test checks that nothing of ours is left: client handles, librdkafka threads, listening ports.</summary>
internal static class ResourceLeaks
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);

    /// <summary>Ports a cluster listens on (broker listeners and, with proxies, the proxies and their API).</summary>
    public static IReadOnlyList<int> PortsOf(EmbeddedCluster cluster)
    {
        var ports = cluster.BrokerIds.Select(id => Port(cluster.ListenerOf(id)))
            .Concat(cluster.AdvertisedAddresses.Values.Select(Port))
            .ToList();
        if (cluster.ToxiproxyApi is { } api) ports.Add(api.Port);
        return ports.Distinct().ToArray();
    }

    public static async Task AssertNoneLeftAsync(IReadOnlyList<int> ports)
    {
        Library.HandleCount.Should().Be(0, "every Confluent.Kafka client must be disposed");
        var deadline = DateTime.UtcNow + Patience;
        string[] threads = [];
        int[] listening = [];
        for (var attempt = 0; attempt < 100; attempt++)
        {
            threads = LibrdkafkaThreads();
            listening = IPGlobalProperties.GetIPGlobalProperties().GetActiveTcpListeners()
                .Select(e => e.Port).Where(ports.Contains).ToArray();
            if ((threads.Length == 0 && listening.Length == 0) || DateTime.UtcNow > deadline) break;
            await Task.Delay(50);
        }
        threads.Should().BeEmpty("librdkafka threads (clients, mock) must end on dispose");
        listening.Should().BeEmpty("no broker or proxy port may stay open after the cluster is disposed");
    }

    private static int Port(string address) => int.Parse(address[(address.LastIndexOf(':') + 1)..], System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Names of live threads that librdkafka started (it names them "rdk:..."); empty where /proc is absent.</summary>
    private static string[] LibrdkafkaThreads()
    {
        const string tasks = "/proc/self/task";
        if (!Directory.Exists(tasks)) return [];
        return Directory.EnumerateDirectories(tasks)
            .Select(d => { try { return File.ReadAllText(Path.Combine(d, "comm")).Trim(); } catch (IOException) { return ""; } })
            .Where(name => name.StartsWith("rdk:", StringComparison.Ordinal))
            .ToArray();
    }
}
