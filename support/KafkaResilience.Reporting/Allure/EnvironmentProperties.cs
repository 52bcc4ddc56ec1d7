using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using KafkaResilience.Reporting.Secrets;

namespace KafkaResilience.Reporting.Allure;

/// <summary>
/// The content of <c>environment.properties</c>: the run's facts (target, profile, commit...) plus the machine's
/// cores, memory, OS and runtime where the run did not set them. Written in Java properties syntax with
/// non-ASCII characters escaped, so Allure reads it whatever its encoding.
/// </summary>
public static class EnvironmentProperties
{
    public const string MachineCoresKey = "machine.cores";
    public const string MachineMemoryKey = "machine.memory";
    public const string OsKey = "os";
    public const string RuntimeKey = "runtime";

    /// <summary>The run's properties with the machine facts added where missing, sorted by key.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> WithMachineFacts(IReadOnlyDictionary<string, string> properties)
    {
        ArgumentNullException.ThrowIfNull(properties);
        var all = new Dictionary<string, string>(properties, StringComparer.Ordinal);
        all.TryAdd(MachineCoresKey, Environment.ProcessorCount.ToString(CultureInfo.InvariantCulture));
        all.TryAdd(MachineMemoryKey, $"{GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024.0 * 1024 * 1024):0.0} GiB");
        all.TryAdd(OsKey, RuntimeInformation.OSDescription);
        all.TryAdd(RuntimeKey, RuntimeInformation.FrameworkDescription);
        return all.OrderBy(p => p.Key, StringComparer.Ordinal).ToList();
    }

    /// <summary>Java properties text of <paramref name="properties"/>, values scrubbed of secrets.</summary>
    public static string Render(IEnumerable<KeyValuePair<string, string>> properties, SecretScrubber scrubber)
    {
        ArgumentNullException.ThrowIfNull(scrubber);
        var text = new StringBuilder();
        foreach (var (key, value) in properties)
        {
            text.Append(Escape(key, isKey: true)).Append('=').Append(Escape(scrubber.Scrub(value) ?? string.Empty, isKey: false)).Append('\n');
        }

        return text.ToString();
    }

    private static string Escape(string text, bool isKey)
    {
        var escaped = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '\\': escaped.Append(@"\\"); break;
                case '\n': escaped.Append(@"\n"); break;
                case '\r': escaped.Append(@"\r"); break;
                case '\t': escaped.Append(@"\t"); break;
                case '=' or ':' or '#' or '!': escaped.Append('\\').Append(c); break;
                case ' ' when isKey || i == 0: escaped.Append(@"\ "); break;
                default:
                    if (c < 0x20 || c > 0x7e)
                    {
                        escaped.Append(@"\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        escaped.Append(c);
                    }

                    break;
            }
        }

        return escaped.ToString();
    }
}
