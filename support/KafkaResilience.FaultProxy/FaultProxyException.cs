namespace KafkaResilience.FaultProxy;

/// <summary>
/// A proxy or toxic operation the server refused, with the HTTP status and message Toxiproxy would
/// answer (e.g. 404 "proxy not found", 409 "proxy already exists", 400 "missing required field: name").
/// </summary>
public sealed class FaultProxyException : Exception
{
    public FaultProxyException(string message, int statusCode)
        : base(message)
    {
        StatusCode = statusCode;
    }

    public FaultProxyException(string message, int statusCode, Exception innerException)
        : base(message, innerException)
    {
        StatusCode = statusCode;
    }

    /// <summary>HTTP status code the REST API answers for this error.</summary>
    public int StatusCode { get; }

    internal static FaultProxyException ProxyNotFound() => new("proxy not found", 404);

    internal static FaultProxyException ProxyAlreadyExists() => new("proxy already exists", 409);

    internal static FaultProxyException ToxicNotFound() => new("toxic not found", 404);

    internal static FaultProxyException ToxicAlreadyExists() => new("toxic already exists", 409);

    internal static FaultProxyException InvalidToxicType() => new("invalid toxic type", 400);

    internal static FaultProxyException InvalidStream() =>
        new("stream was invalid, can be either upstream or downstream", 400);

    internal static FaultProxyException MissingField(string field) => new("missing required field: " + field, 400);

    internal static FaultProxyException BadRequestBody(string detail) => new("bad request body: " + detail, 400);
}
