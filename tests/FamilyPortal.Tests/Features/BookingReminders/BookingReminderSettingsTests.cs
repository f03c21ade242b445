using System.Net;
using Microsoft.EntityFrameworkCore;
using static FamilyPortal.Tests.Features.Accounts.AccountJourney;
using static FamilyPortal.Tests.Features.Invoices.BillingKit;

namespace FamilyPortal.Tests.Features.BookingReminders;

/// <summary>The reminder's setting on the activity form, and the account's choice in « Mon compte ».</summary>
public class BookingReminderSettingsTests(AccountsFactory factory) : IClassFixture<AccountsFactory>
{
    [Fact]
    public async Task Staff_turn_the_reminder_on_with_its_lead_time_and_a_wrong_one_is_refused_in_french_with_nothing_written()
    {
        var tenant = await TenantBuilder.CreateAsync(factory);
        var admin = await StaffAsync(factory, tenant.MunicipalityId, Roles.Administrator);
        var form = $"/admin/prestations/fiche/{tenant.ActivityId}";
        var before = await DatabaseFingerprint.OfMunicipalityAsync(factory, tenant.MunicipalityId);

        var wrongHours = await admin.PostFormAsync(form, new Dictionary<string, string?> { ["Input.ReminderEnabled"] = "true", ["Input.ReminderHours"] = "200" });
        var wrongBox = await admin.PostFormAsync(form, new Dictionary<string, string?> { ["Input.ReminderEnabled"] = "<script>alert(1)</script>" });

        Assert.Equal(HttpStatusCode.OK, wrongHours.StatusCode);
        Assert.Equal("Le rappel part entre 1 et 168 heures avant la date limite, par exemple 24.",
            PageClient.ErrorOf(await PageClient.ParseAsync(wrongHours), "Input.ReminderHours"));
        Assert.Equal("Cochez la case ou laissez-la vide.", PageClient.ErrorOf(await PageClient.ParseAsync(wrongBox), "Input.ReminderEnabled"));
        Assert.Equal("", DatabaseFingerprint.Differences(before, await DatabaseFingerprint.OfMunicipalityAsync(factory, tenant.MunicipalityId)));

        var saved = await admin.PostFormAsync(form, new Dictionary<string, string?> { ["Input.ReminderEnabled"] = "true", ["Input.ReminderHours"] = " 36 " });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(new BookingReminderSettings { Enabled = true, HoursBefore = 36 },
            await ReadAsync(factory, tenant.MunicipalityId, db => db.Activities.Where(a => a.Id == tenant.ActivityId).Select(a => a.BookingReminder).SingleAsync()));
        var page = await admin.GetPageAsync(form);
        Assert.True(((AngleSharp.Html.Dom.IHtmlInputElement)page.QuerySelector("#Input_ReminderEnabled")!).IsChecked);
        Assert.Equal("36", page.QuerySelector("#Input_ReminderHours")!.GetAttribute("value"));
    }

    [Fact]
    public async Task A_parent_turns_reminders_off_and_on_in_my_account_and_hostile_input_changes_nothing()
    {
        var identifiant = NewIdentifiant();
        await CreateAccountAsync(factory, identifiant, NewEmail());
        var client = PageClient.For(factory);
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(client, identifiant, Password)).StatusCode);
        Assert.True(((AngleSharp.Html.Dom.IHtmlInputElement)(await client.GetPageAsync("/mon-compte")).QuerySelector("#rappels-reservation")!).IsChecked);

        var off = await client.PostFormAsync("/mon-compte", new Dictionary<string, string?> { ["BookingReminders"] = null }, formAction: "/mon-compte/Reminders");

        Assert.Equal(HttpStatusCode.Redirect, off.StatusCode);
        Assert.True((await FindAsync(factory, identifiant))!.BookingRemindersDeclined);
        Assert.False(((AngleSharp.Html.Dom.IHtmlInputElement)(await client.GetPageAsync("/mon-compte")).QuerySelector("#rappels-reservation")!).IsChecked);

        var stamp = (await FindAsync(factory, identifiant))!.ConcurrencyStamp;
        var hostile = await client.PostFormAsync("/mon-compte", new Dictionary<string, string?> { ["BookingReminders"] = "'; DROP TABLE AspNetUsers; --" }, formAction: "/mon-compte/Reminders");
        Assert.Equal("Cochez la case ou laissez-la vide.", PageClient.ErrorOf(await PageClient.ParseAsync(hostile), "BookingReminders"));
        var unchanged = (await FindAsync(factory, identifiant))!;
        Assert.Equal((true, stamp), (unchanged.BookingRemindersDeclined, unchanged.ConcurrencyStamp));

        var on = await client.PostFormAsync("/mon-compte", new Dictionary<string, string?> { ["BookingReminders"] = "true" }, formAction: "/mon-compte/Reminders");
        Assert.Equal(HttpStatusCode.Redirect, on.StatusCode);
        Assert.False((await FindAsync(factory, identifiant))!.BookingRemindersDeclined);
    }
}
