using System.Collections;

namespace KafkaResilience.Gherkin;

/// <summary>One body row of a <see cref="DataTable"/>, read by column name.</summary>
public sealed class DataTableRow : IReadOnlyDictionary<string, string>
{
    private readonly IReadOnlyList<string> _header;
    private readonly IReadOnlyList<string> _cells;

    internal DataTableRow(IReadOnlyList<string> header, IReadOnlyList<string> cells)
    {
        _header = header;
        _cells = cells;
    }

    public IReadOnlyList<string> Cells => _cells;

    public int Count => _header.Count;

    public IEnumerable<string> Keys => _header;

    public IEnumerable<string> Values => _cells;

    public string this[int index] => _cells[index];

    public string this[string key]
    {
        get
        {
            var index = IndexOf(key);
            return index >= 0
                ? _cells[index]
                : throw new KeyNotFoundException($"The table has no column '{key}'; its columns are: {string.Join(", ", _header)}.");
        }
    }

    public bool ContainsKey(string key) => IndexOf(key) >= 0;

    public bool TryGetValue(string key, out string value)
    {
        var index = IndexOf(key);
        value = index >= 0 ? _cells[index] : string.Empty;
        return index >= 0;
    }

    public IEnumerator<KeyValuePair<string, string>> GetEnumerator() =>
        _header.Select((h, i) => new KeyValuePair<string, string>(h, _cells[i])).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private int IndexOf(string key)
    {
        for (var i = 0; i < _header.Count; i++)
        {
            if (string.Equals(_header[i], key, StringComparison.Ordinal)) return i;
        }

        return -1;
    }
}
