using System.Reflection;
using FluentAssertions;

namespace KafkaResilience.Architecture.Tests;

/// <summary>
/// No two of the project's namespaces depend on each other, directly or round about: each room of the house can be read,
/// tested and moved on its own, in the direction the README's table shows.
/// </summary>
public sealed class NamespaceCycleTests
{
    /// <summary>One type of each library checked (the command line is a native executable of one namespace).</summary>
    private static readonly Assembly[] Libraries =
    [
        typeof(Steps.ScenarioHooks).Assembly,
        typeof(Chaos.Nemesis).Assembly,
        typeof(Cluster.IKafkaCluster).Assembly,
        typeof(Docker.DockerCluster).Assembly,
        typeof(Embedded.EmbeddedCluster).Assembly,
        typeof(FaultProxy.ToxiproxyServer).Assembly,
        typeof(Reporting.AllureResultsWriter).Assembly,
        typeof(Reqnroll.Running.FeatureHostRun).Assembly,
        typeof(Reqnroll.Xunit.FeatureRun).Assembly,
        typeof(Targets.TargetSession).Assembly,
        typeof(Workloads.History.HistoryLedger).Assembly,
    ];

    [Fact]
    public void No_namespace_of_the_project_depends_on_another_that_depends_back_on_it()
    {
        var graph = NamespaceGraph.Of(Libraries, "KafkaResilience.");

        graph.Namespaces.Should().HaveCountGreaterThan(40, "every library's namespaces are read");
        graph.Cycles().Should().BeEmpty("a namespace cycle ties two rooms together; break it by moving the shared type to the room both may use:"
            + Environment.NewLine + string.Join(Environment.NewLine, graph.Cycles()));
    }

    [Fact]
    public void The_graph_sees_uses_that_only_a_method_body_makes()
    {
        // The teardown names the roles in its constructor; the steps' hook reaches it only inside a method body.
        var graph = NamespaceGraph.Of(Libraries, "KafkaResilience.");

        graph.HasEdge("KafkaResilience.Steps", "KafkaResilience.Chaos.Scenario").Should().BeTrue();
        graph.HasEdge("KafkaResilience.Chaos.Scenario", "KafkaResilience.Chaos.Faults").Should().BeTrue();
        graph.HasEdge("KafkaResilience.Workloads.History", "KafkaResilience.Chaos.Scenario").Should().BeFalse("the history knows nothing of scenarios");
    }
}
