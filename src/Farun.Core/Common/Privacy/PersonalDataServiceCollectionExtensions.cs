using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Farun.Common.Privacy;

/// <summary>Registration of personal-data protection.</summary>
public static class PersonalDataServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="PersonalDataOptions"/> from <c>Farun:PersonalData</c>, validates it when the host starts (a
    /// missing or short key stops start-up with a message naming the key) and registers
    /// <see cref="PersonalDataProtector"/> and <see cref="BlindIndex"/> as singletons.
    /// </summary>
    public static IServiceCollection AddPersonalDataProtection(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<PersonalDataOptions>()
            .Bind(configuration.GetSection(PersonalDataOptions.SectionName))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<PersonalDataOptions>, PersonalDataOptionsValidator>();
        services.AddSingleton(sp => new PersonalDataProtector(sp.GetRequiredService<IOptions<PersonalDataOptions>>()));
        services.AddSingleton(sp => new BlindIndex(sp.GetRequiredService<IOptions<PersonalDataOptions>>()));
        return services;
    }
}
