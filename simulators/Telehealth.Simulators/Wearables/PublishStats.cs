namespace Telehealth.Simulators.Wearables;

/// <summary>Counts shared by all simulated devices of a run.</summary>
public sealed class PublishStats
{
    private long _published;
    private long _acked;
    private long _invalid;
    private long _refused;
    private long _errors;

    /// <summary>Samples published (including resends).</summary>
    public long Published => Interlocked.Read(ref _published);

    /// <summary>Samples the gateway acknowledged with success.</summary>
    public long Acked => Interlocked.Read(ref _acked);

    /// <summary>Samples refused as invalid (MQTT 5 PayloadFormatInvalid); not resent.</summary>
    public long Invalid => Interlocked.Read(ref _invalid);

    /// <summary>Publishes refused for back-pressure or a failed commit; resent later.</summary>
    public long Refused => Interlocked.Read(ref _refused);

    /// <summary>Connection errors (connect failed, connection closed mid-publish); the message is resent.</summary>
    public long Errors => Interlocked.Read(ref _errors);

    public void AddPublished(int samples) => Interlocked.Add(ref _published, samples);

    public void AddAcked(int samples) => Interlocked.Add(ref _acked, samples);

    public void AddInvalid(int samples) => Interlocked.Add(ref _invalid, samples);

    public void AddRefused() => Interlocked.Increment(ref _refused);

    public void AddError() => Interlocked.Increment(ref _errors);
}
