using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Telehealth.Metadata.Database;

/// <summary>
/// Opens connections to the metadata database. SQLite connections get foreign keys on and a busy timeout (several
/// writers wait instead of failing); PostgreSQL connections come from one pooled <see cref="NpgsqlDataSource"/>.
/// SQL written for both uses <c>@name</c> parameters, BIGINT Unix milliseconds for times, TEXT ids.
/// </summary>
public sealed class MetadataDb : IAsyncDisposable
{
    private readonly string _connectionString;
    private readonly NpgsqlDataSource? _postgres;

    public MetadataDb(IOptions<MetadataOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Provider = options.Value.Provider;
        _connectionString = options.Value.ConnectionString;
        if (Provider == MetadataProvider.PostgreSql)
        {
            _postgres = NpgsqlDataSource.Create(_connectionString);
        }
    }

    /// <summary>The database kind, for the few statements that differ.</summary>
    public MetadataProvider Provider { get; }

    /// <summary>Opens a connection; dispose it when done.</summary>
    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        if (_postgres is not null)
        {
            return await _postgres.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        }

        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            using var pragmas = connection.CreateCommand();
            pragmas.CommandText = "PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 10000;";
            await pragmas.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>True when <paramref name="exception"/> is a unique or primary-key violation in either database.</summary>
    public static bool IsUniqueViolation(Exception exception) => exception switch
    {
        SqliteException sqlite => sqlite.SqliteErrorCode == 19 && sqlite.SqliteExtendedErrorCode is 2067 or 1555,
        PostgresException postgres => postgres.SqlState == PostgresErrorCodes.UniqueViolation,
        _ => false,
    };

    /// <summary>True when the database could not be reached (as opposed to a bad statement).</summary>
    public static bool IsUnavailable(Exception exception) => exception switch
    {
        PostgresException postgres => postgres.IsTransient || postgres.SqlState is PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown or PostgresErrorCodes.CannotConnectNow,
        NpgsqlException npgsql => npgsql.IsTransient || npgsql.InnerException is System.Net.Sockets.SocketException or IOException or TimeoutException,
        SqliteException sqlite => sqlite.SqliteErrorCode is 5 or 6 or 10 or 14, // BUSY, LOCKED, IOERR, CANTOPEN
        _ => false,
    };

    public async ValueTask DisposeAsync()
    {
        if (_postgres is not null)
        {
            await _postgres.DisposeAsync().ConfigureAwait(false);
        }
    }
}
