using System.Globalization;
using System.Text;
using CucumberExpressions.Generation;

namespace KafkaResilience.Gherkin;

/// <summary>
/// Writes the C# step definition an undefined step needs, in Reqnroll's snippet style: a Cucumber
/// Expression with {int}, {double} and {string} inferred from the text, p0.. parameters, a DataTable
/// or DocString argument last, and a body that throws <see cref="PendingStepException"/>.
/// </summary>
internal static class SnippetGenerator
{
    public static string Generate(ParameterTypeRegistry registry, StepKeyword keyword, string text, bool hasTable, bool hasDocString)
    {
        var generated = new CucumberExpressionGenerator(registry).GenerateExpressions(text).FirstOrDefault();
        var expression = generated?.GetSource() ?? text;
        var parameters = (generated?.GetParameterTypes() ?? [])
            .Select((p, i) => $"{CSharpType(p.ParameterType)} p{i}")
            .ToList();
        if (hasTable) parameters.Add("DataTable dataTable");
        if (hasDocString) parameters.Add("string multilineText");

        var literal = expression.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);
        var builder = new StringBuilder();
        builder.Append('[').Append(keyword).Append("(\"").Append(literal).AppendLine("\")]");
        builder.Append("public void ").Append(MethodName(keyword, expression)).Append('(').Append(string.Join(", ", parameters)).AppendLine(")");
        builder.AppendLine("{");
        builder.AppendLine("    throw new PendingStepException();");
        builder.Append('}');
        return builder.ToString();
    }

    private static string MethodName(StepKeyword keyword, string expression)
    {
        var builder = new StringBuilder(keyword.ToString());
        var words = new StringBuilder();
        var depth = 0;
        foreach (var c in expression)
        {
            if (c == '{') depth++;
            else if (c == '}') depth = Math.Max(0, depth - 1);
            else if (depth == 0) words.Append(c);
        }

        foreach (var word in words.ToString().Split([' ', '\t', '-', '/', '.', ','], StringSplitOptions.RemoveEmptyEntries))
        {
            var clean = new string(word.Where(char.IsLetterOrDigit).ToArray());
            if (clean.Length == 0) continue;
            builder.Append(char.ToUpper(clean[0], CultureInfo.InvariantCulture)).Append(clean.AsSpan(1));
        }

        return builder.ToString();
    }

    private static string CSharpType(Type type) => type == typeof(int) ? "int"
        : type == typeof(double) ? "double"
        : type == typeof(long) ? "long"
        : type == typeof(string) ? "string"
        : type.Name;
}
