namespace Telehealth.Metadata.Gateways;

/// <summary>An operation named a gateway that does not exist.</summary>
public sealed class GatewayNotFoundException : Exception
{
    public GatewayNotFoundException()
    {
    }

    public GatewayNotFoundException(string gatewayId)
        : base($"gateway '{gatewayId}' does not exist")
    {
    }

    public GatewayNotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
