using Telehealth.Alerts.Profiles;
using Telehealth.Alerts.Rules;
using Telehealth.Ingest.Alerting;

namespace Telehealth.UnitTests.Alerting;

/// <summary>The InfluxQL the evaluation sends: only the rules' fields, over the engine's history window, in one request.</summary>
public sealed class ObservationReaderQueryTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void ComponentsOfOneMeasurement_AreReadInOneStatement_OverTheLookbackWindow()
    {
        var profile = new PatientProfile("p-1", [], Now.AddDays(-30));

        var query = ObservationReader.BuildQuery(profile, [RuleCatalog.Get(RuleIds.BloodPressure)], Now);

        // lookback 1 day + 1: from local midnight two days before today
        var start = new DateTimeOffset(2026, 11, 22, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
        Assert.Equal($"SELECT \"systolic\" FROM \"blood_pressure\" WHERE \"patient\" = 'p-1' AND time >= {start}ms AND time <= {Now.ToUnixTimeMilliseconds()}ms", query);
    }

    [Fact]
    public void WatchedDevices_AddALastPointPerDeviceStatement()
    {
        var profile = new PatientProfile("p-1", [], Now.AddDays(-30)) { Devices = [new ExpectedDevice("scale-1", TimeSpan.FromDays(1))] };

        var query = ObservationReader.BuildQuery(profile, [RuleCatalog.Get(RuleIds.Spo2Floor), RuleCatalog.Get(RuleIds.DeviceSilence)], Now);

        var statements = query.Split("; ");
        Assert.Equal(2, statements.Length);
        Assert.StartsWith("SELECT \"value\" FROM \"spo2\"", statements[0], StringComparison.Ordinal);
        Assert.Contains("SELECT LAST(\"received_ms\") FROM /.*/", statements[1], StringComparison.Ordinal);
        Assert.EndsWith("GROUP BY \"device\"", statements[1], StringComparison.Ordinal);
    }

    [Fact]
    public void PatientIdsAreQuotedAsLiterals()
    {
        var profile = new PatientProfile("p'1", [], Now);

        var query = ObservationReader.BuildQuery(profile, [RuleCatalog.Get(RuleIds.Spo2Floor)], Now);

        Assert.Contains("\"patient\" = 'p\\'1'", query, StringComparison.Ordinal);
    }
}
