namespace Telehealth.Ingest.Alerting;

/// <summary>Which rules an evaluation runs.</summary>
public enum EvaluationScope
{
    /// <summary>Every rule enabled for the patient (new data arrived).</summary>
    AllRules,

    /// <summary>Only the rules that fire on time passing: technical silence and rehab adherence (the scheduled pass).</summary>
    TimeDriven,
}
