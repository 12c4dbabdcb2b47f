using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Telehealth.Ingest.Contracts.Batches;
using Telehealth.Metadata;
using Telehealth.Metadata.Database;
using Telehealth.Metadata.People;

namespace Telehealth.IntegrationTests.Enrolment;

/// <summary>An operator on a running pipeline's ingest: token created in its metadata file, calls through the admin API.</summary>
internal sealed class IngestAdmin : IAsyncDisposable
{
    private readonly Fixtures.Pipeline _pipeline;
    private readonly HttpClient _http = new();
    private string _token = "";

    private IngestAdmin(Fixtures.Pipeline pipeline)
    {
        _pipeline = pipeline;
        Db = new MetadataDb(Options.Create(new MetadataOptions { ConnectionString = $"Data Source={Path.Combine(pipeline.Directory, "metadata.db")}" }));
    }

    public MetadataDb Db { get; }

    public static async Task<IngestAdmin> CreateAsync(Fixtures.Pipeline pipeline, CancellationToken cancellationToken)
    {
        var admin = new IngestAdmin(pipeline);
        admin._token = await new StaffStore(admin.Db, TimeProvider.System).CreateOperatorAsync("op-" + Guid.NewGuid().ToString("N")[..8], cancellationToken);
        return admin;
    }

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, HttpContent? content, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, new Uri(_pipeline.IngestUrl, path)) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _token);
        return await _http.SendAsync(request, cancellationToken);
    }

    /// <summary>Creates a gateway (or, when it exists, issues a new code) and returns its one-time enrolment code.</summary>
    public async Task<string> CodeForAsync(string gatewayId, string patientId, CancellationToken cancellationToken)
    {
        using var created = await SendAsync(HttpMethod.Post, IngestRoutes.AdminGateways, JsonContent.Create(new { id = gatewayId, patientId }), cancellationToken);
        using var response = created.StatusCode == System.Net.HttpStatusCode.Conflict
            ? await SendAsync(HttpMethod.Post, $"{IngestRoutes.AdminGateways}/{gatewayId}/enrolment-code", null, cancellationToken)
            : null;
        var answer = response ?? created;
        Assert.True(answer.IsSuccessStatusCode, await answer.Content.ReadAsStringAsync(cancellationToken));
        return (await answer.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("enrolmentCode").GetString()!;
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await Db.DisposeAsync();
    }
}
