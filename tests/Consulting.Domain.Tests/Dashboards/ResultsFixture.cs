using System.Xml.Linq;
using Consulting.Domain.Dashboards;
using Consulting.Testing;
using Npgsql;

namespace Consulting.Domain.Tests.Dashboards;

/// <summary>One <see cref="ResultsScenario"/> per test class, in its own database.</summary>
public sealed class ResultsFixture : IAsyncLifetime
{
    public TestDatabase Database { get; } = new();

    public ResultsScenario Scenario { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        Scenario = await ResultsScenario.BuildAsync(Database);
    }

    public Task DisposeAsync() => Database.DisposeAsync();

    public ProgramDashboardService Dashboard(Consulting.Domain.Common.ICurrentUser user) =>
        new(Database.CreateFactory(), user, Scenario.Clock, new Consulting.Domain.Engagements.AssignmentService(Database.CreateFactory(), user, Scenario.Clock));
}

/// <summary>Plain SQL over the database, written apart from the services so the two can disagree.</summary>
internal static class Sql
{
    public static async Task<List<object?[]>> RowsAsync(TestDatabase database, string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        var rows = new List<object?[]>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            rows.Add(row);
        }

        return rows;
    }

    public static int Int(object? value) => value is null ? 0 : Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture);

    public static decimal? Dec(object? value) => value is null ? null : Convert.ToDecimal(value, System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>The web's Korean texts (SharedResource.resx), so documents read back carry the words users see; a missing key fails.</summary>
internal static class KoreanTexts
{
    public static ResultTexts Results { get; } = WebTexts.Load("SharedResource.resx", korean: true);
}

/// <summary>The web's English texts (SharedResource.en.resx).</summary>
internal static class EnglishTexts
{
    public static ResultTexts Results { get; } = WebTexts.Load("SharedResource.en.resx", korean: false);
}

internal static class WebTexts
{
    public static ResultTexts Load(string file, bool korean)
    {
        var texts = XDocument.Load(Path.Combine(TestDatabaseServer.RepositoryRoot(), "src", "Consulting.Web", "Resources", file))
            .Root!.Elements("data").ToDictionary(e => (string)e.Attribute("name")!, e => (string)e.Element("value")!);
        return new ResultTexts(key => texts.TryGetValue(key, out var text) ? text : throw new KeyNotFoundException($"No text for {key} in {file}"), korean);
    }
}
