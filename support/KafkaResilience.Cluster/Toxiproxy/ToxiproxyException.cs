using System.Net;

namespace KafkaResilience.Cluster.Toxiproxy;

/// <summary>
/// A Toxiproxy API call that failed: the API was unreachable or slow (no <see cref="StatusCode"/>), or
/// it answered an error status with its error text (e.g. 404 "proxy not found", 409 "toxic already exists").
/// </summary>
public sealed class ToxiproxyException : Exception
{
    public ToxiproxyException(string message, Uri address, HttpStatusCode? statusCode, string? apiError, Exception? innerException = null)
        : base(message, innerException)
    {
        Address = address;
        StatusCode = statusCode;
        ApiError = apiError;
    }

    /// <summary>The API address the call was made to.</summary>
    public Uri Address { get; }

    /// <summary>HTTP status the API answered, or null when it could not be reached in time.</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>The "error" text of the API's answer (or its raw body when not JSON).</summary>
    public string? ApiError { get; }
}
