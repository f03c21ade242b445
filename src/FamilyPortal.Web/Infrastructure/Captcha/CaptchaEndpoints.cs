namespace FamilyPortal.Web.Infrastructure.Captcha;

public static class CaptchaEndpoints
{
    /// <summary>
    /// GET /captcha/{id}.png and /captcha/{id}.wav: the picture and the audio version of a live challenge,
    /// 404 for an unknown or expired one. Serving changes nothing. The group is returned so the caller can
    /// attach a rate-limit policy to both.
    /// </summary>
    public static RouteGroupBuilder MapCaptcha(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup(CaptchaChallenge.PathPrefix);
        group.MapGet("/{id}.png", ImageAsync);
        group.MapGet("/{id}.wav", AudioAsync);
        return group;
    }

    private static async Task<IResult> ImageAsync(string id, CaptchaService captcha, CaptchaImageRenderer renderer,
        HttpContext http, CancellationToken cancellationToken)
    {
        var secret = await captcha.FindSecretAsync(id, cancellationToken);
        if (secret is null)
        {
            return Results.NotFound();
        }
        http.Response.Headers.CacheControl = "no-store";
        return Results.File(renderer.Render(secret.Answer, secret.Seed), "image/png");
    }

    private static async Task<IResult> AudioAsync(string id, CaptchaService captcha, CaptchaAudioRenderer renderer,
        HttpContext http, CancellationToken cancellationToken)
    {
        var secret = await captcha.FindSecretAsync(id, cancellationToken);
        if (secret is null)
        {
            return Results.NotFound();
        }
        http.Response.Headers.CacheControl = "no-store";
        return Results.File(renderer.Render(secret.Answer, secret.Seed), "audio/wav");
    }
}
