using System.Diagnostics;
using System.Runtime.InteropServices;

namespace KafkaResilience.Embedded.Native;

/// <summary>
/// Finds the librdkafka binary Confluent.Kafka has loaded into this process and takes a reference
/// to that same image. Two copies would each run their own mock and their own global state, and on
/// machines without libsasl2 Confluent loads a variant (e.g. <c>centos8-librdkafka.so</c>), so the
/// path is read from the process's loaded modules rather than guessed.
/// </summary>
internal static class LoadedLibrdkafka
{
    /// <summary>Loads librdkafka through Confluent.Kafka and returns its path and a handle to that same image.</summary>
    public static (string Path, IntPtr Handle) Acquire()
    {
        Confluent.Kafka.Library.Load();
        // Confluent loads lazily: reading the version makes sure the native image is mapped.
        _ = Confluent.Kafka.Library.VersionString;
        var path = FindLoadedPath()
            ?? throw new DllNotFoundException(
                "Confluent.Kafka reports librdkafka loaded, but no module named *librdkafka* is mapped in this process.");
        // Loading an already mapped path only adds a reference to the same image (dlopen/LoadLibrary semantics).
        return (path, NativeLibrary.Load(path));
    }

    private static string? FindLoadedPath()
    {
        using var process = Process.GetCurrentProcess();
        foreach (ProcessModule module in process.Modules)
        {
            var name = System.IO.Path.GetFileName(module.FileName);
            if (name is null) continue;
            var isLibrdkafka = name.Contains("librdkafka", StringComparison.OrdinalIgnoreCase)
                && (name.EndsWith(".so", StringComparison.Ordinal) || name.Contains(".so.", StringComparison.Ordinal)
                    || name.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".dylib", StringComparison.Ordinal));
            if (isLibrdkafka) return module.FileName;
        }
        return null;
    }
}
