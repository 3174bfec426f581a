using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Consulting.Domain.Data;

/// <summary>
/// Stores a list of small immutable records as one jsonb column: parts of an aggregate that are always read and saved
/// with it (a log's attendees, sections, agenda) and never queried on their own.
/// </summary>
internal static class JsonColumn
{
    // Hangul stays readable in the column (and in the migrations that seed it).
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    public static PropertyBuilder<IReadOnlyList<T>> HasJsonConversion<T>(this PropertyBuilder<IReadOnlyList<T>> property)
    {
        property.HasConversion(
                value => JsonSerializer.Serialize(value, Options),
                json => JsonSerializer.Deserialize<List<T>>(json, Options) ?? new List<T>(),
                new ValueComparer<IReadOnlyList<T>>(
                    (a, b) => JsonSerializer.Serialize(a, Options) == JsonSerializer.Serialize(b, Options),
                    v => JsonSerializer.Serialize(v, Options).GetHashCode(),
                    v => v.ToList()))
            .HasColumnType("jsonb")
            .IsRequired();
        return property;
    }
}
