using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Telehealth.Metadata.Audit;
using Telehealth.Metadata.Database;
using Telehealth.Metadata.Migrations;
using Telehealth.Metadata.People;

namespace Telehealth.Metadata;

/// <summary>Registers the metadata store.</summary>
public static class MetadataServiceCollectionExtensions
{
    /// <summary>
    /// Binds and validates <see cref="MetadataOptions"/> (section <c>Metadata</c>, checked at start), registers
    /// <see cref="MetadataDb"/>, the migrator (run before the host starts serving unless <c>MigrateOnStart</c> is
    /// false) and the stores for people and the audit log. Features add their own stores.
    /// </summary>
    public static IServiceCollection AddMetadataStore(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<MetadataOptions>()
            .Bind(configuration.GetSection(MetadataOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<MetadataDb>();
        services.TryAddSingleton<MetadataMigrator>();
        services.TryAddSingleton<AuditLog>();
        services.TryAddSingleton<PatientStore>();
        services.TryAddSingleton<StaffStore>();
        services.AddHostedService<MigrateOnStartService>();
        return services;
    }
}
