using Microsoft.Extensions.Options;
using Telehealth.Metadata;
using Telehealth.Metadata.Database;
using Telehealth.Metadata.People;

namespace Telehealth.Simulators.Bench.AlertLatency;

/// <summary>
/// Puts the benchmark's patients in the ingest's metadata database (already migrated by the running ingest): the
/// probe patient (no condition: the systolic rule applies), the background-load patient (COPD: SpO2, heart-rate and
/// step rules evaluated on every batch), one care team with both, and a therapist whose token reads the alert API.
/// </summary>
internal static class AlertLatencySeed
{
    public static async Task<string> CreateAsync(string connectionString, string probePatient, string loadPatient, CancellationToken cancellationToken)
    {
        await using var db = new MetadataDb(Options.Create(new MetadataOptions { ConnectionString = connectionString }));
        var patients = new PatientStore(db, TimeProvider.System);
        await patients.UpsertAsync(probePatient, null, 0, null, cancellationToken);
        await patients.UpsertAsync(loadPatient, "copd", 0, null, cancellationToken);
        await patients.CreateCareTeamAsync("bench-team", "Benchmark team", cancellationToken);
        await patients.AssignAsync("bench-team", probePatient, cancellationToken);
        await patients.AssignAsync("bench-team", loadPatient, cancellationToken);
        return await new StaffStore(db, TimeProvider.System).CreateTherapistAsync("bench-" + Guid.NewGuid().ToString("N")[..8], "bench-team", cancellationToken);
    }
}
