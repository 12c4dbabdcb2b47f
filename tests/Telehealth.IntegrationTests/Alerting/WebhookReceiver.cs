using System.Collections.Concurrent;
using System.Net;
using Telehealth.IntegrationTests.Fixtures;

namespace Telehealth.IntegrationTests.Alerting;

/// <summary>
/// A real HTTP receiver on a free loopback port (HttpListener) that answers 503 to the first
/// <see cref="FailFirst"/> requests and 200 afterwards, and records every request it got.
/// </summary>
internal sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _loop;
    private int _seen;

    public WebhookReceiver(int failFirst)
    {
        FailFirst = failFirst;
        Url = new Uri($"http://127.0.0.1:{FreePort.Next()}/hooks/alerts/");
        _listener.Prefixes.Add(Url.ToString());
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    public Uri Url { get; }

    public int FailFirst { get; set; }

    public ConcurrentQueue<ReceivedWebhook> Requests { get; } = new();

    private async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            var fail = Interlocked.Increment(ref _seen) <= FailFirst;
            Requests.Enqueue(new ReceivedWebhook(context.Request.Headers["Idempotency-Key"], context.Request.Headers["X-Telehealth-Signature"],
                context.Request.Headers["X-Telehealth-Event"], body.ToArray(), fail ? 503 : 200));
            context.Response.StatusCode = fail ? 503 : 200;
            context.Response.Close();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        await _loop;
    }
}
