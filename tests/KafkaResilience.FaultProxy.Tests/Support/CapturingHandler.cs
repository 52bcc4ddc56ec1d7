using System.Net;
using System.Text;

namespace KafkaResilience.FaultProxy.Tests.Support;

/// <summary>An HTTP handler that records each request (method, path, body) and answers a canned response.</summary>
internal sealed class CapturingHandler : HttpMessageHandler
{
    private readonly Func<HttpRequestMessage, (HttpStatusCode Status, string Body)> answer;

    public CapturingHandler(Func<HttpRequestMessage, (HttpStatusCode Status, string Body)> answer)
    {
        this.answer = answer;
    }

    public List<(string Method, string Path, string? Body)> Requests { get; } = [];

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        Requests.Add((request.Method.Method, request.RequestUri!.AbsolutePath, body));
        var (status, text) = answer(request);
        return new HttpResponseMessage(status) { Content = new StringContent(text, Encoding.UTF8, "application/json") };
    }
}
