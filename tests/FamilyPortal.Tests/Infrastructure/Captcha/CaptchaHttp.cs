using AngleSharp.Html.Parser;
using FamilyPortal.Web.Infrastructure.Captcha;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace FamilyPortal.Tests.Infrastructure.Captcha;

/// <summary>Helpers shared by the captcha tests: the service in a scope, the partial rendered by the app's Razor engine.</summary>
internal static class CaptchaHttp
{
    public static async Task<T> WithServiceAsync<T>(PortalFactory factory, Func<CaptchaService, Task<T>> action)
    {
        await using var scope = factory.Scope();
        return await action(scope.ServiceProvider.GetRequiredService<CaptchaService>());
    }

    public static Task<CaptchaChallenge> IssueAsync(PortalFactory factory) =>
        WithServiceAsync(factory, s => s.IssueAsync(CancellationToken.None));

    public static Task<bool> VerifyAsync(PortalFactory factory, string? id, string? answer) =>
        WithServiceAsync(factory, s => s.VerifyAsync(id, answer, CancellationToken.None));

    /// <summary>The answer, read the way the image endpoint reads it (tests only: the app never shows it).</summary>
    public static async Task<string> AnswerOfAsync(PortalFactory factory, string id)
    {
        var secret = await WithServiceAsync(factory, s => s.FindSecretAsync(id, CancellationToken.None));
        var answer = Assert.IsType<CaptchaSecret>(secret).Answer;
        Support.TestSecrets.Add(answer, "captcha answer");
        return answer;
    }

    /// <summary>Renders Features/Shared/_Captcha.cshtml as a form page at <paramref name="pathAndQuery"/> would.</summary>
    public static async Task<string> RenderPartialAsync(PortalFactory factory, CaptchaFieldModel model, string pathAndQuery = "/creer-un-compte")
    {
        await using var scope = factory.Scope();
        var services = scope.ServiceProvider;
        var http = new DefaultHttpContext { RequestServices = services };
        var parts = pathAndQuery.Split('?', 2);
        http.Request.Path = parts[0];
        if (parts.Length == 2)
        {
            http.Request.QueryString = new QueryString("?" + parts[1]);
        }
        var actionContext = new ActionContext(http, new RouteData(), new ActionDescriptor());
        var found = services.GetRequiredService<IRazorViewEngine>().GetView(null, "/Features/Shared/_Captcha.cshtml", isMainPage: false);
        Assert.True(found.Success, "Features/Shared/_Captcha.cshtml not found");
        await using var writer = new StringWriter();
        var viewData = new ViewDataDictionary<CaptchaFieldModel>(new EmptyModelMetadataProvider(), new ModelStateDictionary()) { Model = model };
        var tempData = new TempDataDictionary(http, services.GetRequiredService<ITempDataProvider>());
        var viewContext = new ViewContext(actionContext, found.View, viewData, tempData, writer, new HtmlHelperOptions());
        await found.View.RenderAsync(viewContext);
        return writer.ToString();
    }

    public static AngleSharp.Html.Dom.IHtmlDocument Parse(string html) => new HtmlParser().ParseDocument(html);
}
