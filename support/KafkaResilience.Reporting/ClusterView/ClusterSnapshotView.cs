using System.Globalization;
using System.Net;
using System.Text;
using KafkaResilience.Workloads.History.Observations;

namespace KafkaResilience.Reporting.ClusterView;

/// <summary>
/// Renders a scenario's cluster snapshots as one small HTML page Allure shows inline: per snapshot, a broker table
/// and a partition table, every row that differs from the previous snapshot marked (highlighted, and its change
/// written out, e.g. "leader 106 → 108"), with the leadership changes recorded in between, how long the snapshot
/// took, and where the ISR comes from when the target does not keep one. Pure.
/// </summary>
public static class ClusterSnapshotView
{
    /// <summary>The CSS class of a changed row.</summary>
    public const string ChangedClass = "changed";

    /// <summary>
    /// What changed in each row from <paramref name="previous"/> to <paramref name="current"/>, keyed "broker 106" or
    /// "q_1-2"; a row absent before counts as new. Empty when there is no previous snapshot.
    /// </summary>
    public static IReadOnlyDictionary<string, string> RowChanges(ClusterSnapshot? previous, ClusterSnapshot current)
    {
        ArgumentNullException.ThrowIfNull(current);
        var changes = new Dictionary<string, string>(StringComparer.Ordinal);
        if (previous is null || previous.Error is not null || current.Error is not null) return changes;
        var brokersBefore = previous.Brokers.ToDictionary(b => b.Id);
        foreach (var broker in current.Brokers)
        {
            if (!brokersBefore.TryGetValue(broker.Id, out var before)) changes[$"broker {broker.Id}"] = "new";
            else if (before != broker) changes[$"broker {broker.Id}"] = $"{before.Shown} → {broker.Shown}";
        }

        var partitionsBefore = previous.Partitions.ToDictionary(p => p.Name, StringComparer.Ordinal);
        foreach (var partition in current.Partitions)
        {
            if (!partitionsBefore.TryGetValue(partition.Name, out var before))
            {
                changes[partition.Name] = "new";
                continue;
            }

            var what = new List<string>();
            if (before.Leader != partition.Leader) what.Add($"leader {Broker(before.Leader)} → {Broker(partition.Leader)}");
            if (!before.Replicas.SequenceEqual(partition.Replicas)) what.Add($"replicas {List(before.Replicas)} → {List(partition.Replicas)}");
            if (!before.InSyncReplicas.SequenceEqual(partition.InSyncReplicas)) what.Add($"ISR {List(before.InSyncReplicas)} → {List(partition.InSyncReplicas)}");
            if (what.Count > 0) changes[partition.Name] = string.Join(", ", what);
        }

        return changes;
    }

    /// <summary>The snapshots, in the order given, as one HTML page; <paramref name="isrNote"/> says where the ISR comes from when not from the cluster.</summary>
    public static string Html(IReadOnlyList<ClusterSnapshot> snapshots, string target, string? isrNote)
    {
        ArgumentNullException.ThrowIfNull(snapshots);
        ArgumentNullException.ThrowIfNull(target);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>cluster before and after each fault</title><style>")
            .Append("body{font-family:-apple-system,Segoe UI,Helvetica,Arial,sans-serif;font-size:13px;margin:8px}")
            .Append("h4{margin:14px 0 4px}table{border-collapse:collapse;display:inline-table;vertical-align:top;margin:0 18px 6px 0}")
            .Append("th,td{border:1px solid #c8c8c8;padding:2px 7px;text-align:left}th{background:#f0f0f0}")
            .Append("tr.").Append(ChangedClass).Append(" td{background:#ffe8a3;font-weight:bold}.note{color:#555;margin:2px 0}")
            .Append("</style></head><body>");
        html.Append("<p class=\"note\">").Append(E($"target: {target}")).Append("<br>");
        html.Append(E(isrNote is null ? "ISR: as the cluster reports it." : $"ISR: {isrNote}.")).Append("<br>");
        html.Append(E("Rows marked (highlighted, \"changed\" filled in) differ from the snapshot above them.")).Append("</p>");
        ClusterSnapshot? previous = null;
        var number = 0;
        foreach (var snapshot in snapshots)
        {
            number++;
            var when = $"+{snapshot.Seconds.ToString("0.000", CultureInfo.InvariantCulture)} s";
            var took = snapshot.TookMilliseconds.ToString("0.###", CultureInfo.InvariantCulture);
            html.Append("<h4>").Append(E($"{number}. {snapshot.Title}")).Append("</h4><p class=\"note\">")
                .Append(E($"{when}{(snapshot.Detail is null ? "" : $", {snapshot.Detail}")}; taken in {took} ms")).Append("</p>");
            if (snapshot.Error is not null)
            {
                html.Append("<p class=\"note\">").Append(E($"could not be taken: {snapshot.Error}")).Append("</p>");
                previous = snapshot;
                continue;
            }

            var changes = RowChanges(previous, snapshot);
            html.Append("<table><tr><th>broker</th><th>state</th><th>changed</th></tr>");
            foreach (var broker in snapshot.Brokers)
            {
                Row(html, changes.GetValueOrDefault($"broker {broker.Id}"), broker.Id.ToString(CultureInfo.InvariantCulture), broker.Shown);
            }

            html.Append("</table><table><tr><th>partition</th><th>leader</th><th>replicas</th><th>ISR</th><th>changed</th></tr>");
            foreach (var partition in snapshot.Partitions)
            {
                Row(html, changes.GetValueOrDefault(partition.Name), partition.Name, Broker(partition.Leader), List(partition.Replicas), List(partition.InSyncReplicas));
            }

            html.Append("</table>");
            if (snapshot.ChangesSince.Count > 0)
            {
                html.Append("<p class=\"note\">").Append(E("recorded since the snapshot above:")).Append("<br>")
                    .Append(string.Join("<br>", snapshot.ChangesSince.Select(E))).Append("</p>");
            }

            previous = snapshot;
        }

        return html.Append("</body></html>").ToString();
    }

    private static void Row(StringBuilder html, string? change, params string[] cells)
    {
        html.Append(change is null ? "<tr>" : $"<tr class=\"{ChangedClass}\">");
        foreach (var cell in cells) html.Append("<td>").Append(E(cell)).Append("</td>");
        html.Append("<td>").Append(E(change ?? "")).Append("</td></tr>");
    }

    private static string Broker(int? id) => id?.ToString(CultureInfo.InvariantCulture) ?? "none";

    private static string List(IReadOnlyList<int> ids) => ids.Count == 0 ? "none" : string.Join(",", ids);

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
