using System.Data.Common;
using Dapper;
using Microsoft.Extensions.Logging;
using Telehealth.Metadata.Database;

namespace Telehealth.Metadata.Migrations;

/// <summary>
/// Applies the embedded SQL migrations (<c>Migrations/{Sqlite|PostgreSql}/NNNN_name.sql</c>, in name order) that the
/// database has not seen, each in its own transaction, recorded in <c>schema_migrations</c>. Several instances may
/// start at once: PostgreSQL serialises them with an advisory lock, SQLite with an immediate transaction.
/// Migrations are never edited once released; a change is a new file.
/// </summary>
public sealed partial class MetadataMigrator(MetadataDb db, TimeProvider time, ILogger<MetadataMigrator> logger)
{
    private const long AdvisoryLockKey = 0x7e1e_4ea1_7400;

    /// <summary>The migrations this build carries for the configured database, in order.</summary>
    public IReadOnlyList<string> Known => Scripts(db.Provider).Select(s => s.Id).ToList();

    /// <summary>Applies what is pending; returns the ids applied now.</summary>
    public async Task<IReadOnlyList<string>> MigrateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        if (db.Provider == MetadataProvider.PostgreSql)
        {
            await connection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_lock(@key)", new { key = AdvisoryLockKey }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        }
        else
        {
            await connection.ExecuteAsync(new CommandDefinition("PRAGMA journal_mode = WAL", cancellationToken: cancellationToken)).ConfigureAwait(false);
        }

        try
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "CREATE TABLE IF NOT EXISTS schema_migrations (id TEXT PRIMARY KEY, applied_at BIGINT NOT NULL)",
                cancellationToken: cancellationToken)).ConfigureAwait(false);
            var applied = new List<string>();
            foreach (var script in Scripts(db.Provider))
            {
                if (await ApplyAsync(connection, script, cancellationToken).ConfigureAwait(false))
                {
                    applied.Add(script.Id);
                    LogApplied(logger, script.Id, db.Provider);
                }
            }

            return applied;
        }
        finally
        {
            if (db.Provider == MetadataProvider.PostgreSql)
            {
                await connection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_unlock(@key)", new { key = AdvisoryLockKey }, cancellationToken: CancellationToken.None)).ConfigureAwait(false);
            }
        }
    }

    private async Task<bool> ApplyAsync(DbConnection connection, (string Id, string Sql) script, CancellationToken cancellationToken)
    {
        // Microsoft.Data.Sqlite begins transactions IMMEDIATE (write lock taken before the check), so two starting
        // processes cannot both apply a script.
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var seen = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM schema_migrations WHERE id = @id", new { id = script.Id }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        if (seen > 0)
        {
            return false;
        }

        await connection.ExecuteAsync(new CommandDefinition(script.Sql, transaction: transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO schema_migrations (id, applied_at) VALUES (@id, @at)",
            new { id = script.Id, at = time.GetUtcNow().ToUnixTimeMilliseconds() }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    private static IEnumerable<(string Id, string Sql)> Scripts(MetadataProvider provider)
    {
        var assembly = typeof(MetadataMigrator).Assembly;
        var prefix = $"Telehealth.Metadata.Migrations.{provider}/";
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            yield return (Path.GetFileNameWithoutExtension(name[prefix.Length..]), reader.ReadToEnd());
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Metadata migration {MigrationId} applied ({Provider})")]
    private static partial void LogApplied(ILogger logger, string migrationId, MetadataProvider provider);
}
