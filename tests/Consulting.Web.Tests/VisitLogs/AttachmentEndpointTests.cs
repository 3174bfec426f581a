using System.Net;
using System.Net.Http.Headers;
using Consulting.Domain.Data;
using Consulting.Testing;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Consulting.Web.Tests.VisitLogs;

/// <summary>
/// GET /attachments/{id}: the bytes as uploaded, with their stored type and the Korean name, for users who may see the
/// log; 404 for everyone else (the other agency, and the log's own agency until the log is approved).
/// </summary>
public class AttachmentEndpointTests(LogWebFactory app) : IClassFixture<LogWebFactory>
{
    private const string FileName = "현장 사진.png";

    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52, 1, 2, 3, 4];

    private HttpClient Anonymous() => app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    private async Task<HttpClient> SignedInAsync(string email)
    {
        var client = Anonymous();
        await SignInForm.PostAsync(client, email, DemoData.Password);
        return client;
    }

    /// <summary>Visit 1's log, still a draft, with a photo the consultant attached.</summary>
    private async Task<(Guid LogId, Guid FileId)> ArrangeAsync()
    {
        var week = await app.WeekAsync();
        var logId = await (await app.LogsAsAsync(DemoScenario.DemoConsultantAsync)).OpenAsync(week.VisitIds[0]);
        using var content = new MemoryStream(Png);
        var file = await (await app.AttachmentsAsConsultantAsync()).AddToLogAsync(logId, FileName, content);
        return (logId, file.Id);
    }

    [Fact]
    public async Task TheConsultantDownloadsTheFileUnderItsKoreanName()
    {
        var (_, fileId) = await ArrangeAsync();
        var client = await SignedInAsync(DemoData.ConsultantEmail);

        var response = await client.GetAsync($"/attachments/{fileId}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Png, await response.Content.ReadAsByteArrayAsync());
        Assert.Equal("image/png", response.Content.Headers.ContentType!.MediaType);
        var disposition = response.Content.Headers.ContentDisposition!;
        Assert.Equal("attachment", disposition.DispositionType);
        Assert.Equal(FileName, disposition.FileNameStar);
        var raw = string.Join(",", response.Content.Headers.GetValues("Content-Disposition"));
        Assert.Contains("filename*=UTF-8''%ED%98%84%EC%9E%A5", raw, StringComparison.Ordinal);
        Assert.Equal("nosniff", string.Join(",", response.Headers.GetValues("X-Content-Type-Options")));
        Assert.True(response.Headers.CacheControl!.Private);
        Assert.True(response.Headers.CacheControl.NoStore);
    }

    [Fact]
    public async Task AnImageIsShownInlineOnlyWhenAskedFor()
    {
        var (_, fileId) = await ArrangeAsync();
        var client = await SignedInAsync(DemoData.ConsultantEmail);

        var response = await client.GetAsync($"/attachments/{fileId}?inline=1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("inline", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal(FileName, response.Content.Headers.ContentDisposition.FileNameStar);
    }

    [Fact]
    public async Task AnAnonymousClientIsSentToSignIn()
    {
        var (_, fileId) = await ArrangeAsync();

        var response = await Anonymous().GetAsync($"/attachments/{fileId}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/login", response.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task TheOtherAgencysStaffAndAnUnknownIdGetNotFound()
    {
        var (_, fileId) = await ArrangeAsync();
        var other = await SignedInAsync(LogWebFactory.OtherStaffEmail);

        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/attachments/{fileId}")).StatusCode);
        var consultant = await SignedInAsync(DemoData.ConsultantEmail);
        Assert.Equal(HttpStatusCode.NotFound, (await consultant.GetAsync($"/attachments/{Guid.NewGuid()}")).StatusCode);
    }

    [Fact]
    public async Task TheLogsAgencyGetsTheFileOnlyOnceTheLogIsApproved()
    {
        var week = await app.WeekAsync();
        var logId = await (await app.LogsAsAsync(DemoScenario.DemoConsultantAsync)).OpenAsync(week.VisitIds[1]);
        using var content = new MemoryStream(Png);
        var file = await (await app.AttachmentsAsConsultantAsync()).AddToLogAsync(logId, "회의 자료.png", content);
        var agency = await SignedInAsync(DemoData.AgencyEmail);

        var before = await agency.GetAsync($"/attachments/{file.Id}");
        await app.SubmitLogAsync(week.VisitIds[1]);
        var submitted = await agency.GetAsync($"/attachments/{file.Id}");
        await app.ApproveAsync(logId);
        var after = await agency.GetAsync($"/attachments/{file.Id}");

        Assert.Equal(HttpStatusCode.NotFound, before.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, submitted.StatusCode);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.Equal(Png, await after.Content.ReadAsByteArrayAsync());
        Assert.Equal("회의 자료.png", after.Content.Headers.ContentDisposition!.FileNameStar);
    }
}
