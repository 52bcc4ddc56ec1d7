using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace KafkaResilience.Cluster.Native;

/// <summary>
/// The one librdkafka image a process uses, for every part that calls its C API directly (the mock cluster,
/// the workloads' producers, consumers and probes). Two copies would each keep their own global state, so an
/// image already mapped into the process is always the one taken. Otherwise it is loaded: through
/// Confluent.Kafka in the suite (its loader picks the variant, e.g. <c>centos8-librdkafka.so</c> where libsasl2
/// is missing, and Confluent's own clients must share that image), or, where the
/// <see cref="LoadThroughConfluentSwitch"/> feature switch is off (the command line), from the librdkafka.redist
/// files beside the program, in Confluent's order. With the switch off, trimming and NativeAOT remove every
/// path into Confluent.Kafka, whose reflection-based loader cannot be compiled ahead of time.
/// </summary>
public static class LibrdkafkaLibrary
{
    /// <summary>The AppContext switch: true (the default) loads librdkafka through Confluent.Kafka.</summary>
    public const string LoadThroughConfluentSwitch = "KafkaResilience.Librdkafka.LoadThroughConfluent";

    /// <summary>The redist package's Linux files, in the order Confluent.Kafka tries them (GSSAPI build first; musl last).</summary>
    private static readonly string[] OwnCandidates = ["librdkafka", "centos8-librdkafka", "alpine-librdkafka"];

    [FeatureSwitchDefinition(LoadThroughConfluentSwitch)]
    private static bool LoadsThroughConfluent => !AppContext.TryGetSwitch(LoadThroughConfluentSwitch, out var on) || on;

    /// <summary>
    /// Makes sure librdkafka is mapped and returns its path and a new reference to that image (release it with
    /// <see cref="NativeLibrary.Free"/>, or keep it for the life of the process).
    /// </summary>
    public static (string Path, IntPtr Handle) Acquire()
    {
        var path = MappedPath();
        if (path is null)
        {
            if (LoadsThroughConfluent) LoadThroughConfluent();
            else LoadOwn();
            path = MappedPath() ?? throw new DllNotFoundException("librdkafka was loaded, but no module named *librdkafka* is mapped in this process.");
        }
        // Loading an already mapped path only adds a reference to the same image (dlopen/LoadLibrary semantics).
        return (path, NativeLibrary.Load(path));
    }

    /// <summary>In its own method so that a program without Confluent.Kafka never compiles (or loads) a call into it.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void LoadThroughConfluent()
    {
        Confluent.Kafka.Library.Load();
        // Confluent loads lazily: reading the version makes sure the native image is mapped.
        _ = Confluent.Kafka.Library.VersionString;
    }

    private static void LoadOwn()
    {
        var tried = new List<string>();
        foreach (var name in OwnCandidates)
        {
            // Resolved as a DllImport of that name would be: beside the program, or from the deps.json's native assets.
            if (NativeLibrary.TryLoad(name, typeof(LibrdkafkaLibrary).Assembly, null, out _)) return;
            tried.Add(name);
        }
        throw new DllNotFoundException(
            $"librdkafka could not be loaded (tried {string.Join(", ", tried)} beside {AppContext.BaseDirectory}); " +
            "the command line ships it from the librdkafka.redist package: publish it with .ci/publish-cli.");
    }

    private static string? MappedPath()
    {
        // On Linux the process's own map says it without System.Diagnostics.Process (costly at start-up); elsewhere, the module list.
        if (OperatingSystem.IsLinux() && File.Exists("/proc/self/maps"))
        {
            foreach (var line in File.ReadLines("/proc/self/maps"))
            {
                var slash = line.IndexOf('/');
                if (slash > 0 && IsLibrdkafka(line[slash..])) return line[slash..].TrimEnd();
            }
            return null;
        }
        using var process = Process.GetCurrentProcess();
        foreach (ProcessModule module in process.Modules)
            if (IsLibrdkafka(module.FileName)) return module.FileName;
        return null;
    }

    private static bool IsLibrdkafka(string? path)
    {
        var name = Path.GetFileName(path);
        return name is not null && name.Contains("librdkafka", StringComparison.OrdinalIgnoreCase)
            && (name.EndsWith(".so", StringComparison.Ordinal) || name.Contains(".so.", StringComparison.Ordinal)
                || name.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".dylib", StringComparison.Ordinal));
    }
}
