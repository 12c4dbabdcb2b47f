using Telehealth.Ingest.Storage.InfluxQl;
using Telehealth.IntegrationTests.Fixtures;
using static Telehealth.IntegrationTests.Storage.StorageTestData;

namespace Telehealth.IntegrationTests.Storage;

/// <summary>InfluxQL reads, database creation and ping against a real influxd 1.6.7.</summary>
public sealed class InfluxQlClientTests : IAsyncLifetime, IDisposable
{
    private readonly HttpClient _http = new();
    private InfluxdServer? _server;

    private InfluxdServer Server => _server ?? throw new InvalidOperationException("Not started.");

    public async Task InitializeAsync() => _server = await InfluxdServer.StartAsync(CancellationToken.None);

    public void Dispose() => _http.Dispose();

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    [Fact]
    public async Task PingAsync_RunningServer_IsTrueAndStoppedServer_IsFalse()
    {
        var client = InfluxQl(_http, V1Options(Server.BaseAddress));

        var running = await client.PingAsync(CancellationToken.None);
        await Server.StopAsync();
        var stopped = await client.PingAsync(CancellationToken.None);

        Assert.True(running);
        Assert.False(stopped);
    }

    [Fact]
    public async Task CreateDatabaseAsync_TwiceWithAnOddName_CreatesItOnce()
    {
        var client = InfluxQl(_http, V1Options(Server.BaseAddress));

        await client.CreateDatabaseAsync("tele \"health\"", CancellationToken.None);
        await client.CreateDatabaseAsync("tele \"health\"", CancellationToken.None);

        var databases = await client.QueryAsync("SHOW DATABASES", CancellationToken.None);
        var names = Assert.Single(databases.Series).Values.Select(row => row[0].GetString()).ToList();
        Assert.Single(names, name => name == "tele \"health\"");
    }

    [Fact]
    public async Task QueryAsync_UnknownDatabase_ThrowsWithTheServersMessage()
    {
        var client = InfluxQl(_http, V1Options(Server.BaseAddress));

        var error = await Assert.ThrowsAsync<InfluxQlException>(
            () => client.QueryAsync("missing", "SELECT * FROM heart_rate", CancellationToken.None));

        Assert.Equal(200, error.StatusCode);
        Assert.Contains("database not found", error.ServerMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task QueryAsync_BadSyntax_ThrowsWithTheParsersMessage()
    {
        var client = InfluxQl(_http, V1Options(Server.BaseAddress));
        await client.CreateDatabaseAsync(Database, CancellationToken.None);

        var error = await Assert.ThrowsAsync<InfluxQlException>(
            () => client.QueryAsync("SELEC * FROM heart_rate", CancellationToken.None));

        Assert.Equal(400, error.StatusCode);
        Assert.Contains("error parsing query", error.ServerMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task QueryAsync_EmptyMeasurement_ReturnsNoSeries()
    {
        var client = InfluxQl(_http, V1Options(Server.BaseAddress));
        await client.CreateDatabaseAsync(Database, CancellationToken.None);

        var result = await client.QueryAsync("SELECT * FROM heart_rate", CancellationToken.None);

        Assert.Empty(result.Series);
        Assert.Equal(0, result.RowCount);
    }
}
