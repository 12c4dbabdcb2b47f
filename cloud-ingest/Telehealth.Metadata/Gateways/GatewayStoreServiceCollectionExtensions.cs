using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Telehealth.Metadata.Gateways;

/// <summary>Registers the gateway store.</summary>
public static class GatewayStoreServiceCollectionExtensions
{
    /// <summary>
    /// Binds and validates <see cref="EnrolmentOptions"/> (section <c>Enrolment</c>) and <see cref="GatewaySecretOptions"/>
    /// (section <c>Gateways</c>) at start and registers <see cref="GatewayStore"/>. Call after <c>AddMetadataStore</c>.
    /// </summary>
    public static IServiceCollection AddGatewayStore(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<EnrolmentOptions>().Bind(configuration.GetSection(EnrolmentOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<GatewaySecretOptions>().Bind(configuration.GetSection(GatewaySecretOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<GatewayStore>();
        return services;
    }
}
