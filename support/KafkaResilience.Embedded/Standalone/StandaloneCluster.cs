namespace KafkaResilience.Embedded.Standalone;

/// <summary>
/// The body of <c>kafka-resilience cluster</c>: starts an embedded cluster from command-line
/// arguments, prints where to reach it, and keeps it up until the token is cancelled (Ctrl-C,
/// SIGTERM), then tears it down. Kept here, apart from the console wiring, so tests run it in-process.
/// </summary>
public static class StandaloneCluster
{
    public const int ExitOk = 0;
    public const int ExitBadArguments = 2;
    public const int ExitFailed = 1;

    /// <summary>Line prefix of the bootstrap servers in the output ("bootstrap.servers=...").</summary>
    public const string BootstrapPrefix = "bootstrap.servers=";

    /// <summary>Line prefix of the Toxiproxy API address in the output.</summary>
    public const string ToxiproxyPrefix = "toxiproxy.api=";

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error, CancellationToken stop)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        ClusterCommandLine command;
        try
        {
            command = ClusterCommandLine.Parse(args);
        }
        catch (ArgumentException e)
        {
            await error.WriteLineAsync($"kafka-resilience cluster: {e.Message}").ConfigureAwait(false);
            await error.WriteLineAsync("Run 'kafka-resilience cluster --help' for the options.").ConfigureAwait(false);
            return ExitBadArguments;
        }
        if (command.ShowHelp)
        {
            await output.WriteLineAsync(ClusterCommandLine.Usage).ConfigureAwait(false);
            return ExitOk;
        }

        EmbeddedCluster cluster;
        try
        {
            cluster = await EmbeddedCluster.StartAsync(command.Options, stop).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            return ExitOk;
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException or DllNotFoundException or IOException)
        {
            await error.WriteLineAsync($"kafka-resilience cluster: could not start: {e.Message}").ConfigureAwait(false);
            return ExitFailed;
        }

        await using (cluster.ConfigureAwait(false))
        {
            await output.WriteLineAsync(cluster.Description).ConfigureAwait(false);
            await output.WriteLineAsync(BootstrapPrefix + cluster.BootstrapServers).ConfigureAwait(false);
            await output.WriteLineAsync(ToxiproxyPrefix + (cluster.ToxiproxyApi?.ToString() ?? "none")).ConfigureAwait(false);
            foreach (var id in cluster.BrokerIds)
            {
                var behind = cluster.ToxiproxyApi is null ? "" : $" (proxy {cluster.ProxyNameOf(id)} -> {cluster.ListenerOf(id)})";
                await output.WriteLineAsync($"broker {id}: {cluster.AdvertisedAddresses[id]}{behind}").ConfigureAwait(false);
            }
            foreach (var topic in command.Options.Topics)
            {
                var description = await cluster.DescribeTopicAsync(topic.Name, stop).ConfigureAwait(false);
                await output.WriteLineAsync($"topic {topic.Name}: {topic.Partitions} partitions, RF {topic.ReplicationFactor}, leaders " +
                                            string.Join(",", description.Partitions.Select(p => p.Leader))).ConfigureAwait(false);
            }
            await output.WriteLineAsync("ready; press Ctrl-C to stop").ConfigureAwait(false);
            await output.FlushAsync(CancellationToken.None).ConfigureAwait(false);
            try
            {
                await Task.Delay(Timeout.Infinite, stop).ConfigureAwait(false); // runs until asked to stop
            }
            catch (OperationCanceledException)
            {
                // Ctrl-C or SIGTERM: tear down below.
            }
        }
        await output.WriteLineAsync("stopped").ConfigureAwait(false);
        return ExitOk;
    }
}
