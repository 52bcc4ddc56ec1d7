using System.Globalization;
using System.Text.RegularExpressions;

namespace KafkaResilience.Cli.Tests.Support;

/// <summary>
/// What Linux's /proc says about processes: the descendants of a process, its process group, the TCP ports
/// a set of processes listens on (their socket inodes matched against /proc/net/tcp and tcp6), and the
/// tooling's pipes they hold in /tmp (matched against /proc/net/unix).
/// </summary>
internal static partial class ProcessTable
{
    private const string ListenState = "0A";

    /// <summary>The process and every live descendant of it.</summary>
    public static IReadOnlySet<int> TreeOf(int root)
    {
        var parents = new Dictionary<int, int>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && Stat(pid) is { } stat)
            {
                parents[pid] = stat.Parent;
            }
        }

        var tree = new HashSet<int> { root };
        for (var round = 0; round < 64; round++)
        {
            var added = parents.Where(p => tree.Contains(p.Value) && tree.Add(p.Key)).Count();
            if (added == 0) break;
        }

        return tree.Where(IsAlive).ToHashSet();
    }

    /// <summary>True while the process exists and is not a zombie.</summary>
    public static bool IsAlive(int pid) => Stat(pid) is { State: not 'Z' and not 'X' };

    /// <summary>The process group of a live process, or null.</summary>
    public static int? GroupOf(int pid) => Stat(pid)?.Group;

    /// <summary>TCP ports (IPv4 and IPv6) on which any of these processes has a listening socket.</summary>
    public static IReadOnlySet<int> ListeningPorts(IEnumerable<int> pids)
    {
        var inodes = SocketInodes(pids);
        return Listening().Where(l => inodes.Contains(l.Inode)).Select(l => l.Port).ToHashSet();
    }

    /// <summary>
    /// Paths of the Unix sockets these processes hold that sit directly in /tmp with a 32-hex-digit name: the
    /// pipe <c>dotnet test</c> opens for its test host there whatever TMPDIR says, and leaves behind.
    /// </summary>
    public static IReadOnlySet<string> ToolingPipes(IEnumerable<int> pids)
    {
        var inodes = SocketInodes(pids);
        var pipes = new HashSet<string>(StringComparer.Ordinal);
        if (inodes.Count == 0 || !File.Exists("/proc/net/unix")) return pipes;
        foreach (var row in File.ReadLines("/proc/net/unix").Skip(1))
        {
            var columns = row.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (columns.Length >= 8 && inodes.Contains(columns[6]) && ToolingPipe().IsMatch(columns[7])) pipes.Add(columns[7]);
        }

        return pipes;
    }

    /// <summary>Which of these ports anything on the machine still listens on.</summary>
    public static IReadOnlySet<int> StillListening(IEnumerable<int> ports)
    {
        var wanted = ports.ToHashSet();
        return Listening().Select(l => l.Port).Where(wanted.Contains).ToHashSet();
    }

    private static HashSet<string> SocketInodes(IEnumerable<int> pids)
    {
        var inodes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var pid in pids)
        {
            try
            {
                foreach (var fd in Directory.EnumerateFileSystemEntries($"/proc/{pid}/fd"))
                {
                    var target = new FileInfo(fd).LinkTarget;
                    if (target is not null && SocketInode().Match(target) is { Success: true } m) inodes.Add(m.Groups[1].Value);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // the process ended while we looked
            }
        }

        return inodes;
    }

    private static IEnumerable<(int Port, string Inode)> Listening()
    {
        foreach (var table in new[] { "/proc/net/tcp", "/proc/net/tcp6" })
        {
            if (!File.Exists(table)) continue;
            foreach (var row in File.ReadLines(table).Skip(1))
            {
                var columns = row.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (columns.Length < 10 || columns[3] != ListenState) continue;
                var local = columns[1];
                yield return (int.Parse(local[(local.LastIndexOf(':') + 1)..], NumberStyles.HexNumber, CultureInfo.InvariantCulture), columns[9]);
            }
        }
    }

    private static (char State, int Parent, int Group)? Stat(int pid)
    {
        try
        {
            // "pid (comm) state ppid pgrp ...": comm may hold spaces and parentheses, so read after the last ')'.
            var text = File.ReadAllText($"/proc/{pid}/stat");
            var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
            return (fields[0][0], int.Parse(fields[1], CultureInfo.InvariantCulture), int.Parse(fields[2], CultureInfo.InvariantCulture));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException or ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    [GeneratedRegex(@"^socket:\[(\d+)\]$")]
    private static partial Regex SocketInode();

    [GeneratedRegex(@"^/tmp/[0-9a-f]{32}$")]
    private static partial Regex ToolingPipe();
}
