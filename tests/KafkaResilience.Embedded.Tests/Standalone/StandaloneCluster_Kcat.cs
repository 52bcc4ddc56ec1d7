using System.Diagnostics;
using System.Text.RegularExpressions;
using FluentAssertions;
using KafkaResilience.Embedded.Standalone;
using Xunit;

namespace KafkaResilience.Embedded.Tests.Standalone;

/// <summary>Cross-checks the standalone cluster with an independent Kafka client: kcat (Debian package kcat).</summary>
public sealed partial class StandaloneCluster_Kcat
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Kcat_lists_brokers_105_106_108_of_the_standalone_cluster()
    {
        var kcat = FindOnPath("kcat");
        if (kcat is null) Assert.Skip("kcat is not installed (apt-get install kcat); .ci/run installs it.");

        // Given: the standalone command, run in-process until cancelled
        using var stop = new CancellationTokenSource();
        var output = new StringWriter();
        var synchronizedOutput = TextWriter.Synchronized(output);
        var run = StandaloneCluster.RunAsync(["--brokers", "105,106,108", "--topic", "q_1:3:3"], synchronizedOutput, TextWriter.Null, stop.Token);
        string listing;
        try
        {
            var bootstrap = await WaitForLineAsync(output, StandaloneCluster.BootstrapPrefix, run);

            // When
            listing = await RunAsync(kcat, ["-b", bootstrap, "-L", "-m", "10"]);
        }
        finally
        {
            await stop.CancelAsync();
        }

        // Then
        (await run.WaitAsync(Patience, TestContext.Current.CancellationToken)).Should().Be(StandaloneCluster.ExitOk);
        BrokerLine().Matches(listing).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture))
            .Should().BeEquivalentTo([105, 106, 108], listing);
        listing.Should().Contain("topic \"q_1\" with 3 partitions");
        output.ToString().Should().EndWith("stopped" + Environment.NewLine);
    }

    [GeneratedRegex(@"broker (\d+) at 127\.0\.0\.1:\d+")]
    private static partial Regex BrokerLine();

    private static async Task<string> WaitForLineAsync(StringWriter output, string prefix, Task<int> run)
    {
        var clock = Stopwatch.StartNew();
        for (var attempt = 0; attempt < 400 && clock.Elapsed < Patience; attempt++)
        {
            var line = output.ToString().Split(Environment.NewLine).FirstOrDefault(l => l.StartsWith(prefix, StringComparison.Ordinal));
            if (line is not null && output.ToString().Contains("ready", StringComparison.Ordinal)) return line[prefix.Length..];
            if (run.IsCompleted) throw new InvalidOperationException($"The standalone cluster ended early with {await run}: {output}");
            await Task.Delay(50);
        }
        throw new TimeoutException($"The standalone cluster printed no '{prefix}' line within {Patience.TotalSeconds} s: {output}");
    }

    private static async Task<string> RunAsync(string file, string[] args)
    {
        using var process = Process.Start(new ProcessStartInfo(file, args)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException($"Could not start {file}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Patience);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', args)} did not finish within {Patience.TotalSeconds} s.");
        }
        process.ExitCode.Should().Be(0, await stderr);
        return await stdout;
    }

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);
}
