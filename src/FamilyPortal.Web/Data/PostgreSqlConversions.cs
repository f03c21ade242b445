using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace FamilyPortal.Web.Data;

/// <summary>Writes a DateTime as UTC whatever its kind (the portal only stores UTC instants), reads it back as UTC.</summary>
public sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    value => value.Kind == DateTimeKind.Utc ? value : DateTime.SpecifyKind(value, DateTimeKind.Utc),
    value => value.Kind == DateTimeKind.Utc ? value : DateTime.SpecifyKind(value, DateTimeKind.Utc));

/// <summary>Writes a DateTimeOffset at offset zero, the only one PostgreSQL's timestamptz takes.</summary>
public sealed class UtcDateTimeOffsetConverter() : ValueConverter<DateTimeOffset, DateTimeOffset>(
    value => value.ToUniversalTime(),
    value => value);
