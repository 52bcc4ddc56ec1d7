using System.Reflection;

namespace KafkaResilience.Architecture.Tests;

/// <summary>
/// Which of the project's namespaces uses which, read from the compiled assemblies (<see cref="IlReferences"/>), with one
/// use that shows each edge ("KafkaResilience.Chaos.Scenario.ScenarioJudge uses KafkaResilience.Chaos.Faults.MetadataBrokerProbe"),
/// and the cycles among them: a cycle means neither namespace can be understood, tested or moved without the other.
/// </summary>
internal sealed class NamespaceGraph
{
    private readonly Dictionary<string, Dictionary<string, string>> _edges = new(StringComparer.Ordinal);

    private NamespaceGraph()
    {
    }

    /// <summary>The namespaces found.</summary>
    public IReadOnlyCollection<string> Namespaces => _edges.Keys;

    /// <summary>The graph of the namespaces starting with <paramref name="prefix"/> across <paramref name="assemblies"/>.</summary>
    public static NamespaceGraph Of(IEnumerable<Assembly> assemblies, string prefix)
    {
        var graph = new NamespaceGraph();
        foreach (var type in assemblies.SelectMany(a => a.GetTypes()))
        {
            var from = type.Namespace;
            if (from is null || !from.StartsWith(prefix, StringComparison.Ordinal)) continue;
            var uses = graph.Uses(from);
            foreach (var used in IlReferences.Of(type))
            {
                var to = used.Namespace;
                if (to is null || to == from || !to.StartsWith(prefix, StringComparison.Ordinal)) continue;
                uses.TryAdd(to, $"{Name(type)} uses {Name(used)}");
                graph.Uses(to);
            }
        }
        return graph;
    }

    /// <summary>Whether <paramref name="from"/> uses <paramref name="to"/> directly.</summary>
    public bool HasEdge(string from, string to) => _edges.TryGetValue(from, out var uses) && uses.ContainsKey(to);

    /// <summary>Every cycle, one per strongly connected group of namespaces, each written out with the use behind every step.</summary>
    public IReadOnlyList<string> Cycles()
    {
        var cycles = new List<string>();
        foreach (var group in StronglyConnected().Where(g => g.Count > 1))
        {
            var start = group.Min(StringComparer.Ordinal)!;
            var path = PathWithin(group, start);
            cycles.Add(string.Join(Environment.NewLine, path.Zip(path.Skip(1)).Select(s => $"  {s.First} -> {s.Second} ({_edges[s.First][s.Second]})"))
                .Insert(0, string.Join(" <-> ", group.Order(StringComparer.Ordinal)) + ":" + Environment.NewLine));
        }
        return cycles;
    }

    private Dictionary<string, string> Uses(string space)
    {
        if (!_edges.TryGetValue(space, out var uses)) _edges[space] = uses = new Dictionary<string, string>(StringComparer.Ordinal);
        return uses;
    }

    /// <summary>A shortest way from <paramref name="start"/> back to it, inside the group (breadth first).</summary>
    private List<string> PathWithin(IReadOnlySet<string> group, string start)
    {
        var cameFrom = new Dictionary<string, string>(StringComparer.Ordinal);
        var queue = new Queue<string>([start]);
        while (queue.Count > 0)
        {
            var at = queue.Dequeue();
            foreach (var next in _edges[at].Keys.Where(group.Contains).Order(StringComparer.Ordinal))
            {
                if (next == start)
                {
                    var path = new List<string> { start, at };
                    while (path[^1] != start) path.Add(cameFrom[path[^1]]);
                    path.Reverse();
                    return path;
                }
                if (cameFrom.TryAdd(next, at)) queue.Enqueue(next);
            }
        }
        return [start];
    }

    /// <summary>Tarjan's strongly connected components, iteratively (no recursion depth to worry about).</summary>
    private List<HashSet<string>> StronglyConnected()
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var low = new Dictionary<string, int>(StringComparer.Ordinal);
        var onStack = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<string>();
        var groups = new List<HashSet<string>>();
        var counter = 0;
        foreach (var root in _edges.Keys.Order(StringComparer.Ordinal))
        {
            if (index.ContainsKey(root)) continue;
            var work = new Stack<(string Node, IEnumerator<string> Next)>();
            void Visit(string node)
            {
                index[node] = low[node] = counter++;
                stack.Push(node);
                onStack.Add(node);
                work.Push((node, _edges[node].Keys.Order(StringComparer.Ordinal).ToList().GetEnumerator()));
            }
            Visit(root);
            while (work.Count > 0)
            {
                var (node, next) = work.Peek();
                if (next.MoveNext())
                {
                    var to = next.Current;
                    if (!index.ContainsKey(to)) Visit(to);
                    else if (onStack.Contains(to)) low[node] = Math.Min(low[node], index[to]);
                    continue;
                }
                work.Pop();
                if (work.Count > 0) low[work.Peek().Node] = Math.Min(low[work.Peek().Node], low[node]);
                if (low[node] != index[node]) continue;
                var group = new HashSet<string>(StringComparer.Ordinal);
                string member;
                do
                {
                    member = stack.Pop();
                    onStack.Remove(member);
                    group.Add(member);
                } while (member != node);
                groups.Add(group);
            }
        }
        return groups;
    }

    private static string Name(Type type) => (type.IsGenericType ? type.GetGenericTypeDefinition() : type).FullName?.Split('`')[0] ?? type.Name;
}
