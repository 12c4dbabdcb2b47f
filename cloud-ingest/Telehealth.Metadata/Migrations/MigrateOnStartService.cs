using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Telehealth.Metadata.Migrations;

/// <summary>Applies pending migrations in the host's starting phase, before any endpoint serves a request.</summary>
internal sealed class MigrateOnStartService(MetadataMigrator migrator, IOptions<MetadataOptions> options) : IHostedLifecycleService
{
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        if (options.Value.MigrateOnStart)
        {
            await migrator.MigrateAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
