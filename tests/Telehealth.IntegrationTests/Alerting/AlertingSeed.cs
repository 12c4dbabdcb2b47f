using Telehealth.Metadata.Alerts;
using Telehealth.Metadata.Database;
using Telehealth.Metadata.People;

namespace Telehealth.IntegrationTests.Alerting;

/// <summary>Patients, two care teams with a therapist each, an operator, and alerts opened through the store.</summary>
internal sealed class AlertingSeed
{
    private AlertingSeed(string ownToken, string otherToken, string operatorToken)
    {
        OwnTherapistToken = ownToken;
        OtherTherapistToken = otherToken;
        OperatorToken = operatorToken;
    }

    /// <summary>Therapist of team A, which has the patient.</summary>
    public string OwnTherapistToken { get; }

    /// <summary>Therapist of team B, which has only the other patient.</summary>
    public string OtherTherapistToken { get; }

    public string OperatorToken { get; }

    public static string OwnTherapistId => "ther-a";

    public static async Task<AlertingSeed> CreateAsync(MetadataDb db, string patientId, string otherPatientId, CancellationToken cancellationToken, string? condition = null)
    {
        var patients = new PatientStore(db, TimeProvider.System);
        var staff = new StaffStore(db, TimeProvider.System);
        await patients.UpsertAsync(patientId, condition, 0, null, cancellationToken);
        await patients.UpsertAsync(otherPatientId, condition, 0, null, cancellationToken);
        await patients.CreateCareTeamAsync("team-a", "Team A", cancellationToken);
        await patients.CreateCareTeamAsync("team-b", "Team B", cancellationToken);
        await patients.AssignAsync("team-a", patientId, cancellationToken);
        await patients.AssignAsync("team-b", otherPatientId, cancellationToken);
        return new AlertingSeed(
            await staff.CreateTherapistAsync(OwnTherapistId, "team-a", cancellationToken),
            await staff.CreateTherapistAsync("ther-b", "team-b", cancellationToken),
            await staff.CreateOperatorAsync("op-1", cancellationToken));
    }

    /// <summary>Opens an alert for the rule through the store (as an evaluation would); returns it.</summary>
    public static async Task<StoredAlert> OpenAsync(AlertStore store, string patientId, string ruleId, DateTimeOffset at, CancellationToken cancellationToken)
        => Assert.Single((await EvaluateAsync(store, patientId, ruleId, at, 190, cancellationToken)).Opened);

    /// <summary>
    /// Applies one evaluation in which the rule fired at <paramref name="at"/> on a systolic mean of
    /// <paramref name="systolic"/> (window: the hour before <paramref name="at"/>), as the ingest would.
    /// </summary>
    public static Task<AlertEvaluationOutcome> EvaluateAsync(
        AlertStore store, string patientId, string ruleId, DateTimeOffset at, double systolic, CancellationToken cancellationToken)
    {
        var firing = new Telehealth.Alerts.Rules.AlertFiring(ruleId, patientId, "", Telehealth.Alerts.Rules.AlertCategory.Clinical, at, at.AddHours(-1), at,
            [new Telehealth.Alerts.Rules.ObservedValue("mean of 1 systolic readings", systolic)], 180, "systolic > 180 mm[Hg]", "mm[Hg]",
            "Systolic blood pressure 190 mm[Hg] today (mean of 1) is above 180.", "practice");
        return store.ApplyEvaluationAsync(patientId, null,
            stored => Telehealth.Ingest.Alerting.AlertDecision.Decide(patientId, stored, [firing], at, Telehealth.Alerts.Tracking.AlertTrackerOptions.Default),
            cancellationToken);
    }
}
