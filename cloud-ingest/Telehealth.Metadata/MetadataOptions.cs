using System.ComponentModel.DataAnnotations;

namespace Telehealth.Metadata;

/// <summary>
/// Where the metadata lives (section <c>Metadata</c>). SQLite: <c>Data Source=path.db</c>; PostgreSQL: an Npgsql
/// connection string (<c>Host=...;Port=...;Database=...;Username=...;Password=...</c>, TLS with <c>SSL Mode=VerifyFull</c>).
/// </summary>
public sealed class MetadataOptions
{
    public const string SectionName = "Metadata";

    public MetadataProvider Provider { get; set; } = MetadataProvider.Sqlite;

    [Required(AllowEmptyStrings = false)]
    public string ConnectionString { get; set; } = "Data Source=telehealth-metadata.db";

    /// <summary>Apply pending migrations when the service starts (default true). Off: run <c>migrate</c> by hand first.</summary>
    public bool MigrateOnStart { get; set; } = true;
}
