namespace Telehealth.Metadata;

/// <summary>Which relational database holds the metadata.</summary>
public enum MetadataProvider
{
    /// <summary>An embedded SQLite file (single node; the default).</summary>
    Sqlite,

    /// <summary>A PostgreSQL server (production, several ingest instances).</summary>
    PostgreSql,
}
