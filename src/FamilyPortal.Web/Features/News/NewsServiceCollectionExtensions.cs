namespace FamilyPortal.Web.Features.News;

public static class NewsServiceCollectionExtensions
{
    public static IServiceCollection AddPortalNews(this IServiceCollection services)
    {
        services.AddScoped<NewsFeed>();
        return services;
    }
}
