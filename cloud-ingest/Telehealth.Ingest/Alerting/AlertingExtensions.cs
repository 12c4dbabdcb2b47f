using Microsoft.Extensions.DependencyInjection.Extensions;
using Telehealth.Metadata.Alerts;

namespace Telehealth.Ingest.Alerting;

/// <summary>Registers relapse alerting: evaluation (debounced per patient and scheduled), the alert store, the API's access rules and the webhook.</summary>
public static class AlertingExtensions
{
    /// <summary>
    /// Binds and validates <see cref="AlertingOptions"/> (section <c>Alerting</c>, checked at start) and registers the
    /// alert stores, the scheduler, the evaluator, the three background loops and the webhook's HTTP client. Needs
    /// <c>AddMetadataStore</c> and <c>AddInfluxStorage</c>.
    /// </summary>
    public static IServiceCollection AddAlerting(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<AlertingOptions>().Bind(configuration.GetSection(AlertingOptions.SectionName))
            .ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.TryAddSingleton<AlertStore>();
        services.TryAddSingleton<AlertOutbox>();
        services.TryAddSingleton<AlertLeases>();
        services.TryAddSingleton<AlertingMetrics>();
        services.TryAddSingleton<AlertingSignals>();
        services.TryAddSingleton<AlertEvaluationScheduler>();
        services.TryAddSingleton<PatientEvaluator>();
        services.TryAddSingleton<StaffAccess>();
        services.TryAddTransient<ObservationReader>();
        services.TryAddSingleton<AlertWebhookDispatcher>();
        services.AddHttpClient(AlertWebhookDispatcher.HttpClientName, http => http.Timeout = Timeout.InfiniteTimeSpan);
        services.AddHostedService<DirtyPatientEvaluationService>();
        services.TryAddSingleton<ScheduledEvaluationService>();
        services.AddHostedService(sp => sp.GetRequiredService<ScheduledEvaluationService>());
        services.AddHostedService(sp => sp.GetRequiredService<AlertWebhookDispatcher>());
        return services;
    }

    /// <summary>The alert API and the readings endpoint alerts link to.</summary>
    public static IEndpointRouteBuilder MapAlerting(this IEndpointRouteBuilder app)
    {
        app.MapAlerts();
        app.MapPatientReadings();
        return app;
    }
}
