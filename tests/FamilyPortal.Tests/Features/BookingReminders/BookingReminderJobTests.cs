using Microsoft.EntityFrameworkCore;
using static FamilyPortal.Tests.Features.BookingReminders.BookingReminderKit;

namespace FamilyPortal.Tests.Features.BookingReminders;

/// <summary>The reminder job run directly at the factory's clock (Monday 16/11/2026 08:00, cut-off Thursday 19/11 12:00).</summary>
public class BookingReminderJobTests(AccountsFactory factory) : IClassFixture<AccountsFactory>
{
    [Fact]
    public async Task A_family_gets_one_email_grouping_its_children_and_activities_and_only_once_for_the_week()
    {
        var tenant = await TenantBuilder.CreateAsync(factory);
        await EnableAsync(factory, tenant.MunicipalityId, tenant.ActivityId);
        await AddActivityAsync(factory, tenant, "GT - PERI SOIR");
        await AddChildAsync(factory, tenant, "Léa");

        await RunAsync(factory);
        await RunAsync(factory);

        var mail = Assert.Single(await MailsAsync(factory, tenant.MunicipalityId));
        Assert.Equal(tenant.FamilyEmail, mail.ToAddress);
        Assert.Equal($"{Subject} – {tenant.Name}", mail.Subject);
        Assert.Contains("rien n'est encore réservé pour la semaine du 23/11/2026 au 29/11/2026", mail.TextBody, StringComparison.Ordinal);
        foreach (var line in new[] { "Léa – GT - PERI SOIR", "Léa – GT - RESTAURATION", "Lou – GT - PERI SOIR", "Lou – GT - RESTAURATION" })
        {
            Assert.Contains($"• {line} – avant le jeudi 19 novembre 2026 à 12h", mail.TextBody, StringComparison.Ordinal);
        }
        var sent = Assert.Single(await SentAsync(factory, tenant.MunicipalityId));
        Assert.Equal((tenant.FamilyId, NextWeek, 4), (sent.FamilyId, sent.WeekStart, sent.Lines));
    }

    [Fact]
    public async Task A_booked_activity_and_an_activity_needing_an_inscription_the_child_lacks_are_left_out()
    {
        var tenant = await TenantBuilder.CreateAsync(factory);
        await EnableAsync(factory, tenant.MunicipalityId, tenant.ActivityId);
        var enrolled = await AddActivityAsync(factory, tenant, "GT - PERI SOIR");
        var notEnrolled = await AddActivityAsync(factory, tenant, "GT - ETUDE");
        await factory.InTenantAsync(tenant.MunicipalityId, async db =>
        {
            foreach (var activity in await db.Activities.Where(a => a.Id == enrolled || a.Id == notEnrolled).ToListAsync())
            {
                activity.Enrolment = new EnrolmentSettings { Mode = EnrolmentMode.SchoolYear };
            }
            db.Enrolments.Add(new Enrolment
            {
                MunicipalityId = tenant.MunicipalityId,
                ChildId = tenant.ChildId,
                ActivityId = enrolled,
                PeriodLabel = "Année scolaire 2026-2027",
                StartDate = new DateOnly(2026, 9, 1),
                EndDate = new DateOnly(2027, 7, 3),
                State = EnrolmentState.Enrolled,
            });
            db.Bookings.Add(new Booking { MunicipalityId = tenant.MunicipalityId, ChildId = tenant.ChildId, ActivityId = tenant.ActivityId, Date = NextWeek.AddDays(3) });
            return await db.SaveChangesAsync();
        });

        await RunAsync(factory);

        var mail = Assert.Single(await MailsAsync(factory, tenant.MunicipalityId));
        Assert.Contains("• Lou – GT - PERI SOIR – avant", mail.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("GT - RESTAURATION", mail.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("GT - ETUDE", mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_family_that_booked_its_week_or_whose_account_turned_reminders_off_gets_nothing()
    {
        var booked = await TenantBuilder.CreateAsync(factory);
        await EnableAsync(factory, booked.MunicipalityId, booked.ActivityId);
        await factory.InTenantAsync(booked.MunicipalityId, db =>
        {
            db.Bookings.Add(new Booking { MunicipalityId = booked.MunicipalityId, ChildId = booked.ChildId, ActivityId = booked.ActivityId, Date = NextWeek });
            return db.SaveChangesAsync();
        });
        var declined = await TenantBuilder.CreateAsync(factory);
        await EnableAsync(factory, declined.MunicipalityId, declined.ActivityId);
        await factory.InTenantAsync(declined.MunicipalityId, db => db.Users.Where(u => u.Id == declined.LinkedAccountId)
            .ExecuteUpdateAsync(u => u.SetProperty(a => a.BookingRemindersDeclined, true)));

        await RunAsync(factory);

        Assert.Empty(await MailsAsync(factory, booked.MunicipalityId));
        Assert.Empty(await MailsAsync(factory, declined.MunicipalityId));
        Assert.Empty(await SentAsync(factory, declined.MunicipalityId));
    }

    [Fact]
    public async Task Nothing_is_sent_before_the_lead_time_nor_while_the_reminder_is_off()
    {
        var early = await TenantBuilder.CreateAsync(factory);
        await EnableAsync(factory, early.MunicipalityId, early.ActivityId, hours: 24);
        var off = await TenantBuilder.CreateAsync(factory);

        await RunAsync(factory);

        Assert.Empty(await MailsAsync(factory, early.MunicipalityId));
        Assert.Empty(await MailsAsync(factory, off.MunicipalityId));
    }

    [Fact]
    public async Task Two_servers_running_the_job_at_once_send_one_email_per_family()
    {
        var tenants = new List<TenantBuilder.Tenant>();
        for (var i = 0; i < 3; i++)
        {
            var tenant = await TenantBuilder.CreateAsync(factory);
            await EnableAsync(factory, tenant.MunicipalityId, tenant.ActivityId);
            await AddChildAsync(factory, tenant, "Léa");
            tenants.Add(tenant);
        }

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => RunAsync(factory))));

        foreach (var tenant in tenants)
        {
            Assert.Single(await MailsAsync(factory, tenant.MunicipalityId));
            Assert.Single(await SentAsync(factory, tenant.MunicipalityId));
        }
    }
}
