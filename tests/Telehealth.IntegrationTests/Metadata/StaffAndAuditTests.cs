using Microsoft.Extensions.Time.Testing;
using Telehealth.IntegrationTests.Fixtures;
using Telehealth.Metadata;
using Telehealth.Metadata.Audit;
using Telehealth.Metadata.People;

namespace Telehealth.IntegrationTests.Metadata;

/// <summary>Patients, care teams, staff tokens and the audit log on a real SQLite file and a real PostgreSQL server.</summary>
public sealed class StaffAndAuditTests
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-11-24T08:00:00Z", System.Globalization.CultureInfo.InvariantCulture));

    [Theory]
    [MemberData(nameof(MetadataDatabase.Providers), MemberType = typeof(MetadataDatabase))]
    public async Task Therapist_SeesOnlyOwnCareTeamsPatients_AndARevokedTokenStopsWorking(MetadataProvider provider)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await using var database = await MetadataDatabase.CreateAsync(provider, timeout.Token);
        var patients = new PatientStore(database.Db, _time);
        var staff = new StaffStore(database.Db, _time);
        await patients.UpsertAsync("citizen-1", "copd", 60, null, timeout.Token);
        await patients.UpsertAsync("citizen-2", "heart_failure", 60, null, timeout.Token);
        await patients.CreateCareTeamAsync("team-north", "North", timeout.Token);
        await patients.CreateCareTeamAsync("team-south", "South", timeout.Token);
        await patients.AssignAsync("team-north", "citizen-1", timeout.Token);
        await patients.AssignAsync("team-north", "citizen-1", timeout.Token); // idempotent
        await patients.AssignAsync("team-south", "citizen-2", timeout.Token);
        var token = await staff.CreateTherapistAsync("therapist-a", "team-north", timeout.Token);

        var therapist = await staff.AuthenticateAsync(token, timeout.Token);

        Assert.NotNull(therapist);
        Assert.Equal(new StaffMember(StaffMember.TherapistKind, "therapist-a", "team-north"), therapist);
        Assert.True(await staff.CanSeePatientAsync(therapist, "citizen-1", timeout.Token));
        Assert.False(await staff.CanSeePatientAsync(therapist, "citizen-2", timeout.Token));
        Assert.Equal(["citizen-1"], await staff.PatientsOfAsync(therapist, timeout.Token));
        Assert.Null(await staff.AuthenticateAsync(token + "x", timeout.Token));
        Assert.Null(await staff.AuthenticateAsync("", timeout.Token));

        Assert.True(await staff.RevokeAsync(StaffMember.TherapistKind, "therapist-a", timeout.Token));
        Assert.Null(await staff.AuthenticateAsync(token, timeout.Token));
        Assert.False(await staff.RevokeAsync(StaffMember.TherapistKind, "therapist-a", timeout.Token));
    }

    [Theory]
    [MemberData(nameof(MetadataDatabase.Providers), MemberType = typeof(MetadataDatabase))]
    public async Task StaffTokens_StopWorkingWhenTheyExpire(MetadataProvider provider)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await using var database = await MetadataDatabase.CreateAsync(provider, timeout.Token);
        var staff = new StaffStore(database.Db, _time);
        await new PatientStore(database.Db, _time).CreateCareTeamAsync("team-x", "X", timeout.Token);
        var therapist = await staff.CreateTherapistAsync("therapist-x", "team-x", timeout.Token, TimeSpan.FromDays(1));
        var installer = await staff.CreateOperatorAsync("installer-x", timeout.Token);

        _time.Advance(TimeSpan.FromDays(1) - TimeSpan.FromMilliseconds(1));
        Assert.NotNull(await staff.AuthenticateAsync(therapist, timeout.Token));
        _time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Null(await staff.AuthenticateAsync(therapist, timeout.Token));

        Assert.NotNull(await staff.AuthenticateAsync(installer, timeout.Token)); // the default lifetime is a year
        _time.Advance(StaffStore.DefaultTokenLifetime);
        Assert.Null(await staff.AuthenticateAsync(installer, timeout.Token));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => staff.CreateOperatorAsync("installer-y", timeout.Token, TimeSpan.Zero));
    }

    [Theory]
    [MemberData(nameof(MetadataDatabase.Providers), MemberType = typeof(MetadataDatabase))]
    public async Task Operator_IsAuthenticatedAsOperator_AndSeesNoPatients(MetadataProvider provider)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await using var database = await MetadataDatabase.CreateAsync(provider, timeout.Token);
        var staff = new StaffStore(database.Db, _time);
        var token = await staff.CreateOperatorAsync("installer-1", timeout.Token);

        var member = await staff.AuthenticateAsync(token, timeout.Token);

        Assert.Equal(new StaffMember(StaffMember.OperatorKind, "installer-1", null), member);
        Assert.False(await staff.CanSeePatientAsync(member!, "citizen-1", timeout.Token));
    }

    [Theory]
    [MemberData(nameof(MetadataDatabase.Providers), MemberType = typeof(MetadataDatabase))]
    public async Task Patient_WithCprShapedId_IsRefused(MetadataProvider provider)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await using var database = await MetadataDatabase.CreateAsync(provider, timeout.Token);
        var patients = new PatientStore(database.Db, _time);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => patients.UpsertAsync("010190-1234", null, 60, null, timeout.Token));

        Assert.Contains("CPR", error.Message, StringComparison.Ordinal);
        Assert.Null(await patients.GetAsync("010190-1234", timeout.Token));
    }

    [Theory]
    [MemberData(nameof(MetadataDatabase.Providers), MemberType = typeof(MetadataDatabase))]
    public async Task AuditLog_ListsEntriesPerPatientAndPerActor_NewestFirst(MetadataProvider provider)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await using var database = await MetadataDatabase.CreateAsync(provider, timeout.Token);
        var audit = new AuditLog(database.Db);
        var at = _time.GetUtcNow();
        await audit.WriteAsync(new AuditEntry(at, "therapist", "therapist-a", "alerts.read", "citizen-1", AuditOutcome.Allowed, "care"), timeout.Token);
        await audit.WriteAsync(new AuditEntry(at.AddSeconds(1), "therapist", "therapist-b", "alerts.read", "citizen-1", AuditOutcome.Denied, "not in care team"), timeout.Token);
        await audit.WriteAsync(new AuditEntry(at.AddSeconds(2), "gateway", "gw-9", "batches.write", "citizen-2", AuditOutcome.Denied, "wrong secret"), timeout.Token);

        var forPatient = await audit.ForPatientAsync("citizen-1", 10, timeout.Token);
        var byActor = await audit.ByActorAsync("gateway", "gw-9", 10, timeout.Token);

        Assert.Equal(["therapist-b", "therapist-a"], forPatient.Select(e => e.ActorId));
        Assert.Equal(AuditOutcome.Denied, forPatient[0].Outcome);
        Assert.Equal("not in care team", forPatient[0].Reason);
        Assert.Equal(at.AddSeconds(1), forPatient[0].At);
        var gatewayEntry = Assert.Single(byActor);
        Assert.Equal("batches.write", gatewayEntry.Action);
        Assert.Equal(3, (await audit.RecentAsync(10, timeout.Token)).Count);
    }
}
