using System.Net;
using System.Net.Sockets;
using Consulting.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Playwright;

namespace Consulting.EndToEnd;

/// <summary>
/// The app on a real Kestrel port with its own database and the demo year, and Debian's Chromium driven by
/// Playwright. One per test class; each test gets a fresh browser context (no shared cookies). A journey may derive
/// from it to change the app's services (the calendar journey sets the clock).
/// </summary>
public class BrowserApp : ConsultingWebFactory
{
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public string BaseUrl { get; private set; } = "";

    public static string ScreenshotDirectory { get; } =
        Environment.GetEnvironmentVariable("CONSULTING_SCREENSHOTS")
        ?? Path.Combine(TestDatabaseServer.RepositoryRoot(), "TestResults", "screenshots");

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var port = FreePort();
        UseKestrel(options => options.Listen(IPAddress.Loopback, port));
        StartServer();
        BaseUrl = $"http://127.0.0.1:{port}";

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("PLAYWRIGHT_CHROMIUM_EXECUTABLE") ?? "/usr/bin/chromium",
            Headless = true,
            // The machine has no network beyond loopback: keep Chromium from reaching out at start.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    public Task<IPage> NewPageAsync() => NewPageAsync(new ViewportSize { Width = 1280, Height = 900 }, isPhone: false);

    /// <summary>A page the size of a common phone (390 × 844, touch, mobile user agent behaviour).</summary>
    public Task<IPage> NewPhonePageAsync() => NewPageAsync(new ViewportSize { Width = 390, Height = 844 }, isPhone: true);

    private async Task<IPage> NewPageAsync(ViewportSize viewport, bool isPhone)
    {
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            Locale = "en-US",
            TimezoneId = "Asia/Seoul",
            ViewportSize = viewport,
            IsMobile = isPhone,
            HasTouch = isPhone,
            DeviceScaleFactor = isPhone ? 2 : 1,
        });
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        // What the browser itself reports (script errors, failed circuits) goes to one log beside the screenshots,
        // so a failing journey can be read afterwards.
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning" || Environment.GetEnvironmentVariable("CONSULTING_BROWSER_LOG_ALL") == "1")
            {
                WriteBrowserLog($"{message.Type} {page.Url}: {message.Text}");
            }
        };
        page.PageError += (_, error) => WriteBrowserLog($"pageerror {page.Url}: {error}");
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                WriteBrowserLog($"http {response.Status} {response.Url} (page {page.Url})");
            }
        };
        page.RequestFailed += (_, request) => WriteBrowserLog($"failed {request.Url}: {request.Failure} (page {page.Url})");
        return page;
    }

    private static readonly object BrowserLogLock = new();

    private static void WriteBrowserLog(string line)
    {
        lock (BrowserLogLock)
        {
            Directory.CreateDirectory(ScreenshotDirectory);
            File.AppendAllText(Path.Combine(ScreenshotDirectory, "..", "browser-console.log"), $"{DateTime.UtcNow:HH:mm:ss.fff} {line}{Environment.NewLine}");
        }
    }

    public static async Task ScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(ScreenshotDirectory);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDirectory, name + ".png"), FullPage = true });
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder) => base.ConfigureWebHost(builder);

    public override async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
