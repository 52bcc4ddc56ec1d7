using System.Text.Json;

namespace KafkaResilience.FaultProxy;

/// <summary>
/// Reads toxic JSON with Toxiproxy's defaults (stream downstream, toxicity 1, name type_stream)
/// and its error order; also refuses negative attributes and toxicity outside 0..1.
/// </summary>
internal static class ToxicParser
{
    public static ToxicDefinition ParseNew(JsonElement root, ProxyHost host)
    {
        ToxiproxyApi.RequireObject(root);
        var type = ToxiproxyApi.OptionalString(root, "type");
        var streamText = ToxiproxyApi.OptionalString(root, "stream") ?? "downstream";
        var name = ToxiproxyApi.OptionalString(root, "name");
        var toxicity = ReadToxicity(root, 1f);
        StreamDirection stream = streamText.ToLowerInvariant() switch
        {
            "upstream" => StreamDirection.Upstream,
            "downstream" => StreamDirection.Downstream,
            _ => throw FaultProxyException.InvalidStream(),
        };

        if (string.IsNullOrEmpty(name))
        {
            name = $"{type}_{streamText}";
        }

        if (!ToxicKinds.TryParse(type, out var kind))
        {
            throw FaultProxyException.InvalidToxicType();
        }

        if (host.FindToxic(name) is not null)
        {
            throw FaultProxyException.ToxicAlreadyExists();
        }

        var attributes = ReadAttributes(root, kind, new long[ToxicKinds.AttributeNames(kind).Count]);
        return new ToxicDefinition(name, kind, stream, toxicity, attributes);
    }

    /// <summary>An update changes attributes (merged over the old ones) and toxicity only, as in Toxiproxy.</summary>
    public static ToxicDefinition ParseUpdate(JsonElement root, ToxicDefinition existing)
    {
        ToxiproxyApi.RequireObject(root);
        var toxicity = ReadToxicity(root, existing.Toxicity);
        var attributes = ReadAttributes(root, existing.Kind, (long[])existing.Attributes.Clone());
        return new ToxicDefinition(existing.Name, existing.Kind, existing.Stream, toxicity, attributes);
    }

    private static float ReadToxicity(JsonElement root, float fallback)
    {
        if (!ToxiproxyApi.TryGetProperty(root, "toxicity", out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return fallback;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDouble(out var number))
        {
            throw FaultProxyException.BadRequestBody(
                $"json: cannot unmarshal {ToxiproxyApi.Describe(value.ValueKind)} into Go struct field .toxicity of type float32");
        }

        if (number is < 0 or > 1)
        {
            throw FaultProxyException.BadRequestBody($"toxicity {number} is out of range: use 0..1");
        }

        return (float)number;
    }

    private static long[] ReadAttributes(JsonElement root, ToxicKind kind, long[] values)
    {
        if (!ToxiproxyApi.TryGetProperty(root, "attributes", out var attributes) || attributes.ValueKind == JsonValueKind.Null)
        {
            return values;
        }

        if (attributes.ValueKind != JsonValueKind.Object)
        {
            throw FaultProxyException.BadRequestBody(
                $"json: cannot unmarshal {ToxiproxyApi.Describe(attributes.ValueKind)} into Go struct field .attributes");
        }

        var names = ToxicKinds.AttributeNames(kind);
        for (var i = 0; i < names.Count; i++)
        {
            if (!ToxiproxyApi.TryGetProperty(attributes, names[i], out var value) || value.ValueKind == JsonValueKind.Null)
            {
                continue;
            }

            if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt64(out var number))
            {
                throw FaultProxyException.BadRequestBody(
                    $"json: cannot unmarshal {ToxiproxyApi.Describe(value.ValueKind)} {value.GetRawText()} into Go struct field .attributes.{names[i]} of type int64");
            }

            if (number < 0)
            {
                throw FaultProxyException.BadRequestBody(
                    $"attribute {names[i]} of a {ToxicKinds.WireName(kind)} toxic is {number}: use a value >= 0");
            }

            values[i] = number;
        }

        return values;
    }
}
