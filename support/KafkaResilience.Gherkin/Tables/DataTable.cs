using System.Reflection;
using KafkaResilience.Gherkin.Results;

namespace KafkaResilience.Gherkin;

/// <summary>
/// A step's table (the first row is the header), with Reqnroll's helpers: <see cref="CreateInstance{T}"/>
/// reads one object from a horizontal table (one row) or a vertical one (Field | Value), and
/// <see cref="CreateSet{T}"/> reads one object per row. Columns match properties ignoring case, spaces
/// and underscores; cells are converted like step arguments (numbers, enums, durations, ...).
/// </summary>
public sealed class DataTable
{
    private readonly ArgumentConverter _converter;

    public DataTable(IReadOnlyList<IReadOnlyList<string>> rows)
        : this(rows, new ArgumentConverter())
    {
    }

    internal DataTable(IReadOnlyList<IReadOnlyList<string>> rows, ArgumentConverter converter)
    {
        if (rows.Count == 0) throw new ArgumentException("A table needs at least a header row.", nameof(rows));
        _converter = converter;
        Header = rows[0];
        Rows = rows.Skip(1).Select(r => new DataTableRow(Header, r)).ToList();
    }

    public IReadOnlyList<string> Header { get; }

    public IReadOnlyList<DataTableRow> Rows { get; }

    public int RowCount => Rows.Count;

    /// <summary>The table as plain rows (header first), as results record it.</summary>
    public DataTableRows ToRows() => new([Header, .. Rows.Select(r => r.Cells)]);

    public T CreateInstance<T>()
        where T : new()
    {
        if (IsVertical())
        {
            var instance = new T();
            foreach (var row in Rows) Assign(instance, row[0], row[1]);
            return instance;
        }

        return Rows.Count == 1
            ? Build<T>(Rows[0])
            : throw new InvalidOperationException(
                $"CreateInstance<{typeof(T).Name}> needs a table with one data row, or two columns 'Field | Value'; this one has {Rows.Count} rows and columns {string.Join(", ", Header)}.");
    }

    public IReadOnlyList<T> CreateSet<T>()
        where T : new() => Rows.Select(Build<T>).ToList();

    private bool IsVertical() =>
        Header.Count == 2
        && Header[0].Trim().ToLowerInvariant() is "field" or "property" or "name" or "key"
        && Header[1].Trim().Equals("value", StringComparison.OrdinalIgnoreCase);

    private T Build<T>(DataTableRow row)
        where T : new()
    {
        var instance = new T();
        foreach (var (column, value) in row) Assign(instance, column, value);
        return instance;
    }

    private void Assign(object instance, string column, string value)
    {
        var wanted = Normalize(column);
        var property = instance.GetType()
            .GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .FirstOrDefault(p => p.CanWrite && Normalize(p.Name) == wanted);
        if (property is null)
        {
            var names = instance.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite).Select(p => p.Name);
            throw new StepBindingException(
                $"Column '{column}' matches no writable property of {instance.GetType().Name}; properties: {string.Join(", ", names)}.");
        }

        property.SetValue(instance, _converter.Convert(value, property.PropertyType));
    }

    private static string Normalize(string name) =>
        name.Replace(" ", string.Empty, StringComparison.Ordinal).Replace("_", string.Empty, StringComparison.Ordinal).ToLowerInvariant();
}
