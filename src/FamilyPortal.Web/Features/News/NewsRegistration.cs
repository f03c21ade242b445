namespace FamilyPortal.Web.Features.News;

public static class NewsRegistration
{
    public static IServiceCollection AddPortalNews(this IServiceCollection services)
    {
        services.AddScoped<NewsFeed>();
        return services;
    }
}
