using Telehealth.Ingest.Contracts.Identity;

namespace Telehealth.UnitTests.Contracts;

public sealed class PseudonymousIdTests
{
    [Theory]
    [InlineData("patient-001")]
    [InlineData("p_7f3a9c")]
    [InlineData("GW-kbh-0042")]
    public void PseudonymousIds_AreAccepted(string id) => Assert.Null(PseudonymousId.Validate(id, "id"));

    [Theory]
    [InlineData("010190-1234", "CPR")]
    [InlineData("0101901234", "CPR")]
    [InlineData("x-3112851234", "CPR")]
    [InlineData("", "missing")]
    [InlineData("ab", "3-64")]
    [InlineData("has space", "3-64")]
    [InlineData("æøå-patient", "3-64")]
    public void CprShapedOrMalformedIds_AreRefused(string id, string reason)
        => Assert.Contains(reason, PseudonymousId.Validate(id, "id"), StringComparison.Ordinal);
}
