using System.Globalization;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Inlet.Data;

/// <summary>Stores instants as fixed-width UTC ISO 8601 text, so text order is time order and range queries work in SQL.</summary>
internal sealed class UtcTextConverter() : ValueConverter<DateTimeOffset, string>(v => UtcText.Format(v), v => UtcText.Parse(v));

/// <summary>The stored text of an instant, for EF Core and for the writer's own SQL alike.</summary>
internal static class UtcText
{
    public static string Format(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    public static DateTimeOffset Parse(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}
