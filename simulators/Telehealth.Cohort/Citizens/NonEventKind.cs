namespace Telehealth.Cohort.Citizens;

/// <summary>Things that happen to real citizens and fool naive rules, but are not clinical episodes.</summary>
public enum NonEventKind
{
    /// <summary>A heavy (salty) meal: about +1 kg the next morning, gone within two days.</summary>
    HeavyMeal,

    /// <summary>One artefactual low SpO2 reading (motion, cold fingers).</summary>
    BadSpo2Reading,

    /// <summary>Days away from home without the wearable or the home devices: data missing, not zero.</summary>
    AwayWithoutWearable,

    /// <summary>A day the wearable was worn only a few hours (low step total from wear time, not activity).</summary>
    PartialWear,
}
