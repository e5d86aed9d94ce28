using Inlet.Engine.Events;
using Inlet.Engine.Mapping;

namespace Inlet.Engine.Tests.Mapping;

public sealed class ConversionTests
{
    [Theory]
    [InlineData("\"10\"", AttributeType.Integer, "10")]
    [InlineData("10", AttributeType.Integer, "10")]
    [InlineData("\" 42 \"", AttributeType.Integer, "42")]
    [InlineData("10.0", AttributeType.Integer, "10")]
    [InlineData("\"-3\"", AttributeType.Integer, "-3")]
    [InlineData("\"10.5\"", AttributeType.Number, "10.5")]
    [InlineData("99.90", AttributeType.Number, "99.90")]
    [InlineData("\"1e3\"", AttributeType.Number, "1000")]
    [InlineData("\"yes\"", AttributeType.Boolean, "true")]
    [InlineData("\"NO\"", AttributeType.Boolean, "false")]
    [InlineData("\"1\"", AttributeType.Boolean, "true")]
    [InlineData("0", AttributeType.Boolean, "false")]
    [InlineData("\"true\"", AttributeType.Boolean, "true")]
    [InlineData("false", AttributeType.Boolean, "false")]
    [InlineData("12345", AttributeType.String, "\"12345\"")]
    [InlineData("true", AttributeType.String, "\"true\"")]
    [InlineData("\"hello\"", AttributeType.String, "\"hello\"")]
    [InlineData("\"2026-11-29\"", AttributeType.Date, "\"2026-11-29\"")]
    [InlineData("\"2026-11-29T10:15:00+02:00\"", AttributeType.Datetime, "\"2026-11-29T08:15:00Z\"")]
    [InlineData("\"2026-11-29 10:15:00\"", AttributeType.Datetime, "\"2026-11-29T10:15:00Z\"")]
    [InlineData("\"vip, gold,,silver \"", AttributeType.StringList, "[\"vip\",\"gold\",\"silver\"]")]
    [InlineData("[\"vip\", 7, true]", AttributeType.StringList, "[\"vip\",\"7\",\"true\"]")]
    [InlineData("\"vip\"", AttributeType.StringList, "[\"vip\"]")]
    public void ValuesConvertToTheDeclaredType(string json, AttributeType type, string expected)
    {
        var ok = AttributeConverter.TryConvert(FieldValue.Json(Json.Parse(json)), new AttributeSchema("a", type), out var node, out var error);

        Assert.True(ok, error);
        Assert.Equal(expected, node!.ToJsonString());
    }

    [Theory]
    [InlineData("\"10.5\"", AttributeType.Integer, "'10.5' is not an integer")]
    [InlineData("10.5", AttributeType.Integer, "10.5 is not an integer")]
    [InlineData("\"ten\"", AttributeType.Integer, "'ten' is not an integer")]
    [InlineData("true", AttributeType.Integer, "true is not an integer")]
    [InlineData("\"99999999999999999999\"", AttributeType.Integer, "'99999999999999999999' is not an integer")]
    [InlineData("\"abc\"", AttributeType.Number, "'abc' is not a number")]
    [InlineData("\"maybe\"", AttributeType.Boolean, "'maybe' is not a boolean (true/false, yes/no, 1/0)")]
    [InlineData("2", AttributeType.Boolean, "2 is not a boolean (true/false, yes/no, 1/0)")]
    [InlineData("\"29/11/2026\"", AttributeType.Date, "'29/11/2026' is not a date (write it as 2026-11-29)")]
    [InlineData("\"2026-11-29\"", AttributeType.Datetime, "'2026-11-29' is not a date-time (write it in ISO 8601, e.g. 2026-11-29T10:00:00Z)")]
    [InlineData("1732874400", AttributeType.Datetime, "1732874400 is not a date-time (write it in ISO 8601, e.g. 2026-11-29T10:00:00Z)")]
    [InlineData("{\"a\":1}", AttributeType.String, "{\"a\":1} is not a text")]
    [InlineData("[1,2]", AttributeType.Integer, "[1,2] is not an integer")]
    [InlineData("[{\"a\":1}]", AttributeType.StringList, "[{\"a\":1}] is not a list of texts: {\"a\":1} is not a text")]
    public void ValuesThatDoNotFitTheTypeAreRejectedWithAReason(string json, AttributeType type, string expected)
    {
        var ok = AttributeConverter.TryConvert(FieldValue.Json(Json.Parse(json)), new AttributeSchema("a", type), out _, out var error);

        Assert.False(ok);
        Assert.Equal(expected, error);
    }

    [Theory]
    [InlineData("0", AttributeBound.Positive, "0 is not allowed: it must be greater than 0")]
    [InlineData("-5", AttributeBound.Positive, "-5 is not allowed: it must be greater than 0")]
    [InlineData("-1", AttributeBound.NonNegative, "-1 is not allowed: it must be 0 or more")]
    public void BoundsAreCheckedAfterConversion(string json, AttributeBound bound, string expected)
    {
        var ok = AttributeConverter.TryConvert(FieldValue.Json(Json.Parse(json)), new AttributeSchema("a", AttributeType.Integer, Bound: bound), out _, out var error);

        Assert.False(ok);
        Assert.Equal(expected, error);
    }

    [Fact]
    public void TextFromADefaultConvertsLikeAJsonString()
    {
        var ok = AttributeConverter.TryConvert(FieldValue.FromText("10"), new AttributeSchema("points", AttributeType.Integer), out var node, out _);

        Assert.True(ok);
        Assert.Equal(10L, node!.GetValue<long>());
    }
}
