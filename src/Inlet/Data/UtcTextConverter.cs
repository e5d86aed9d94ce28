using System.Globalization;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Inlet.Data;

/// <summary>Stores instants as fixed-width UTC ISO 8601 text, so text order is time order and range queries work in SQL.</summary>
internal sealed class UtcTextConverter() : ValueConverter<DateTimeOffset, string>(
    v => v.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture),
    v => DateTimeOffset.Parse(v, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal));
