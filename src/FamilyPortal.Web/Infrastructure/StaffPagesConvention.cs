using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace FamilyPortal.Web.Infrastructure;

/// <summary>
/// Staff pages live in an <c>Admin/</c> folder of their feature and the operator's in a <c>Platform/</c>
/// folder: every page under such a folder, whatever the feature, requires the matching policy, so a new
/// staff page cannot be forgotten.
/// </summary>
public sealed class StaffPagesConvention : IPageApplicationModelConvention
{
    public void Apply(PageApplicationModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (PolicyFor(model.ViewEnginePath) is { } policy)
        {
            model.EndpointMetadata.Add(new AuthorizeAttribute(policy));
        }
    }

    /// <summary>The policy a page's path requires, or null for pages open to parents and visitors.</summary>
    public static string? PolicyFor(string viewEnginePath)
    {
        ArgumentNullException.ThrowIfNull(viewEnginePath);
        var folders = viewEnginePath.Split('/', StringSplitOptions.RemoveEmptyEntries).SkipLast(1).ToList();
        return folders.Contains("Platform") ? StaffAuthorization.Operator
            : folders.Contains("Admin") ? StaffAuthorization.Staff
            : null;
    }
}
