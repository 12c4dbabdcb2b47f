using System.Data.Common;
using Microsoft.Extensions.Options;
using Telehealth.Ingest.Contracts.Identity;
using Telehealth.Metadata;
using Telehealth.Metadata.Audit;
using Telehealth.Metadata.Database;
using Telehealth.Metadata.Gateways;
using Telehealth.Metadata.Migrations;
using Telehealth.Metadata.People;

namespace Telehealth.Ingest.Admin;

/// <summary>
/// <c>Telehealth.Ingest admin VERB …</c> (wrapped by <c>cloud-ingest/admin.sh</c>): administration straight on the
/// configured metadata database, with the service's configuration (appsettings.json, then environment variables such as
/// <c>Metadata__ConnectionString</c>). Tokens and codes go to stdout alone (one line, shown once); notes and errors to
/// stderr. Bad input → a clear error and exit code 1. Every change is audited (actor kind <c>admin-cli</c>).
/// </summary>
public static class AdminCommand
{
    public const string Usage = """
        usage: admin.sh VERB …
          migrate
          operator create ID                       (prints the operator's bearer token once)
          patient create ID [--condition C]
          care-team create ID NAME
          care-team assign TEAM PATIENT
          therapist create ID --care-team T        (prints the therapist's bearer token once)
          gateway create ID --patient P            (prints the one-time enrolment code)
          gateway code ID                          (prints a new one-time enrolment code)
          gateway revoke ID
          device add GATEWAY DEVICE [--kind K]
          device remove GATEWAY DEVICE
        """;

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.Services.AddMetadataStore(builder.Configuration);
        builder.Services.AddGatewayStore(builder.Configuration);
        using var host = builder.Build();
        var services = host.Services;
        try
        {
            if (services.GetRequiredService<IOptions<MetadataOptions>>().Value.MigrateOnStart || args is ["migrate"])
            {
                var applied = await services.GetRequiredService<MetadataMigrator>().MigrateAsync(cancellationToken);
                if (args is ["migrate"])
                {
                    await stderr.WriteLineAsync(applied.Count == 0 ? "metadata database is up to date" : "applied: " + string.Join(", ", applied));
                    return 0;
                }
            }

            var command = new AdminVerbs(services.GetRequiredService<PatientStore>(), services.GetRequiredService<StaffStore>(),
                services.GetRequiredService<GatewayStore>(), services.GetRequiredService<AuditLog>(), services.GetRequiredService<TimeProvider>(), stdout, stderr);
            return await command.RunAsync(args, cancellationToken);
        }
        catch (AdminUsageException ex)
        {
            await stderr.WriteLineAsync("error: " + ex.Message);
            await stderr.WriteLineAsync(Usage);
            return 1;
        }
        catch (ArgumentException ex)
        {
            await stderr.WriteLineAsync("error: " + ex.Message);
            return 1;
        }
        catch (OptionsValidationException ex)
        {
            await stderr.WriteLineAsync("error: configuration: " + ex.Message);
            return 1;
        }
        catch (DbException ex) when (MetadataDb.IsUniqueViolation(ex))
        {
            await stderr.WriteLineAsync("error: it exists already");
            return 1;
        }
        catch (DbException ex)
        {
            await stderr.WriteLineAsync("error: metadata database: " + ex.Message);
            return 1;
        }
    }

    /// <summary>Throws a usage error unless <paramref name="id"/> is a pseudonymous id.</summary>
    internal static string Pseudonymous(string id, string what)
        => PseudonymousId.Validate(id, what) is { } error ? throw new AdminUsageException(error) : id;
}
