using FamilyPortal.Web.Infrastructure.Captcha;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FamilyPortal.Tests.Infrastructure.Captcha;

public class CaptchaVerificationTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task The_right_answer_in_any_case_with_spaces_around_succeeds_once()
    {
        var challenge = await CaptchaHttp.IssueAsync(factory);
        var answer = await CaptchaHttp.AnswerOfAsync(factory, challenge.Id);

        Assert.True(await CaptchaHttp.VerifyAsync(factory, challenge.Id, $"  {answer.ToLowerInvariant()} "));
        Assert.False(await CaptchaHttp.VerifyAsync(factory, challenge.Id, answer));
    }

    [Fact]
    public async Task A_wrong_answer_fails_and_uses_up_the_challenge()
    {
        var challenge = await CaptchaHttp.IssueAsync(factory);
        var answer = await CaptchaHttp.AnswerOfAsync(factory, challenge.Id);

        Assert.False(await CaptchaHttp.VerifyAsync(factory, challenge.Id, answer + "X"));
        Assert.False(await CaptchaHttp.VerifyAsync(factory, challenge.Id, answer));
        Assert.Null(await CaptchaHttp.WithServiceAsync(factory, s => s.FindSecretAsync(challenge.Id, CancellationToken.None)));
    }

    [Fact]
    public async Task An_expired_challenge_fails_even_with_the_right_answer()
    {
        var challenge = await CaptchaHttp.IssueAsync(factory);
        var answer = await CaptchaHttp.AnswerOfAsync(factory, challenge.Id);
        Assert.Equal(factory.Clock.GetUtcNow().UtcDateTime + TimeSpan.FromMinutes(10), challenge.ExpiresAtUtc);

        factory.Clock.Advance(TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(1));

        Assert.False(await CaptchaHttp.VerifyAsync(factory, challenge.Id, answer));
    }

    [Fact]
    public async Task A_challenge_is_still_good_just_before_it_expires()
    {
        var challenge = await CaptchaHttp.IssueAsync(factory);
        var answer = await CaptchaHttp.AnswerOfAsync(factory, challenge.Id);

        factory.Clock.Advance(TimeSpan.FromMinutes(10) - TimeSpan.FromSeconds(1));

        Assert.True(await CaptchaHttp.VerifyAsync(factory, challenge.Id, answer));
    }

    [Theory]
    [InlineData(null, "ABCDE")]
    [InlineData("", "ABCDE")]
    [InlineData("pas-un-identifiant", "ABCDE")]
    [InlineData("0123456789abcdef0123456789abcdef", "ABCDE")]
    public async Task An_unknown_or_missing_challenge_fails(string? id, string answer)
    {
        Assert.False(await CaptchaHttp.VerifyAsync(factory, id, answer));
    }

    [Fact]
    public async Task An_empty_answer_fails()
    {
        var challenge = await CaptchaHttp.IssueAsync(factory);

        Assert.False(await CaptchaHttp.VerifyAsync(factory, challenge.Id, "   "));
    }

    [Fact]
    public async Task Two_simultaneous_right_answers_get_one_success_between_them()
    {
        var challenge = await CaptchaHttp.IssueAsync(factory);
        var answer = await CaptchaHttp.AnswerOfAsync(factory, challenge.Id);

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => CaptchaHttp.VerifyAsync(factory, challenge.Id, answer))));

        Assert.Single(results, ok => ok);
    }

    [Fact]
    public async Task Generated_answers_use_only_the_unambiguous_alphabet()
    {
        Assert.DoesNotContain(CaptchaCode.Alphabet, c => "0O1IL".Contains(c, StringComparison.Ordinal));
        var answers = new List<string>();
        for (var i = 0; i < 20; i++)
        {
            answers.Add(await CaptchaHttp.AnswerOfAsync(factory, (await CaptchaHttp.IssueAsync(factory)).Id));
        }
        answers.AddRange(Enumerable.Range(0, 500).Select(_ => CaptchaCode.Generate()));

        Assert.All(answers, a =>
        {
            Assert.InRange(a.Length, CaptchaCode.MinLength, CaptchaCode.MaxLength);
            Assert.All(a, c => Assert.Contains(c, CaptchaCode.Alphabet));
        });
        Assert.True(answers.Distinct(StringComparer.Ordinal).Count() > answers.Count - 2, "Answers repeat: the random source is broken.");
    }

    [Fact]
    public async Task The_database_keeps_a_hash_and_a_sealed_secret_never_the_answer_in_clear()
    {
        var challenge = await CaptchaHttp.IssueAsync(factory);
        var answer = await CaptchaHttp.AnswerOfAsync(factory, challenge.Id);

        await using var scope = factory.Scope();
        var db = scope.ServiceProvider.GetRequiredService<FamilyPortalDbContext>();
        var row = await db.CaptchaChallenges.AsNoTracking().SingleAsync(c => c.Id == challenge.Id);

        Assert.Equal(CaptchaCode.Hash(challenge.Id, answer), row.AnswerHash);
        Assert.DoesNotContain(answer, row.AnswerHash, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(answer, row.ProtectedSecret, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(DateTimeKind.Utc, challenge.ExpiresAtUtc.Kind);
        Assert.Equal(row.CreatedAtUtc + CaptchaService.Lifetime, row.ExpiresAtUtc);
    }

    [Fact]
    public async Task Issuing_a_challenge_sweeps_the_expired_ones()
    {
        var old = await CaptchaHttp.IssueAsync(factory);
        factory.Clock.Advance(CaptchaService.Lifetime + TimeSpan.FromSeconds(1));

        var fresh = await CaptchaHttp.IssueAsync(factory);

        await using var scope = factory.Scope();
        var db = scope.ServiceProvider.GetRequiredService<FamilyPortalDbContext>();
        Assert.False(await db.CaptchaChallenges.AnyAsync(c => c.Id == old.Id));
        Assert.True(await db.CaptchaChallenges.AnyAsync(c => c.Id == fresh.Id));
    }

    [Fact]
    public async Task Issuing_does_not_save_what_the_calling_page_has_pending()
    {
        var subject = $"Brouillon {Guid.NewGuid():N}";
        await using (var page = factory.Scope())
        {
            var db = page.ServiceProvider.GetRequiredService<FamilyPortalDbContext>();
            db.OutboxMessages.Add(new OutboxMessage
            {
                ToAddress = "brouillon@exemple.test",
                Subject = subject,
                TextBody = "t",
                HtmlBody = "<p>t</p>",
                MessageId = $"<{Guid.NewGuid():N}@test>",
            });

            var challenge = await page.ServiceProvider.GetRequiredService<CaptchaService>().IssueAsync(CancellationToken.None);

            Assert.False(challenge.IsEmpty);
        }

        await using var check = factory.Scope();
        var fresh = check.ServiceProvider.GetRequiredService<FamilyPortalDbContext>();
        Assert.False(await fresh.OutboxMessages.AnyAsync(m => m.Subject == subject));
    }
}
