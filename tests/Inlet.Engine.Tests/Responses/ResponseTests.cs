using Inlet.Engine.Responses;
using Inlet.Engine.Validation;

namespace Inlet.Engine.Tests.Responses;

public sealed class ResponseTests
{
    [Fact]
    public void TheManualsSingleQuotedResponseIsExplainedWithItsFix()
    {
        var errors = new List<ValidationError>();

        ResponseValidation.Validate("{'ok':true}", "response.success", errors);

        Assert.Equal("response.success: uses single quotes, which JSON does not allow: write {\"ok\":true}", Assert.Single(errors).ToString());
    }

    [Theory]
    [InlineData("{\"ok\":true", "response.error: is not valid JSON: line 1, column 11: Expected depth to be zero at the end of the JSON payload. There is an open JSON object or array that should be closed")]
    [InlineData("{\"ok\":\n tru}", "response.error: is not valid JSON: line 2, column 5: 'tru}' is an invalid JSON literal. Expected the literal 'true'")]
    public void ANonJsonResponseNamesThePositionOfTheFault(string text, string expected)
    {
        var errors = new List<ValidationError>();

        ResponseValidation.Validate(text, "response.error", errors);

        Assert.Equal(expected, Assert.Single(errors).ToString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("{\"ok\":true,\"id\":\"{{eventId}}\"}")]
    [InlineData("{\"ok\":true,\"ids\":{{eventIds}},\"n\":{{eventCount}}}")]
    public void EmptyAndValidResponsesAreAccepted(string? text)
    {
        var errors = new List<ValidationError>();

        ResponseValidation.Validate(text, "response.success", errors);

        Assert.Empty(errors);
    }

    [Fact]
    public void PlaceholdersAreReplacedWithJsonEscapedValues()
    {
        var template = ResponseTemplate.For("""{"id":"{{eventId}}","who":"{{customer}}","req":"{{requestId}}","other":"{{unknown}}"}""", success: true);

        var body = template.Render(new ResponseValues(EventId: "ev1", Customer: "say \"hi\"", RequestId: "r9"));

        Assert.Equal("""{"id":"ev1","who":"say \u0022hi\u0022","req":"r9","other":"{{unknown}}"}""", body);
    }

    [Fact]
    public void EmptyResponsesFallBackToTheDefaults()
    {
        Assert.Equal("""{"ok":true,"eventId":"e1"}""", ResponseTemplate.For("", success: true).Render(new(EventId: "e1")));
        Assert.Equal("""{"ok":false,"error":{"code":"filtered_out","message":"no filter matched"}}""",
            ResponseTemplate.For(null, success: false).Render(new(ErrorCode: "filtered_out", ErrorMessage: "no filter matched")));
    }

    [Fact]
    public void EventIdsAndTheirCountAreWrittenAsJsonValues()
    {
        var template = ResponseTemplate.For("""{"ids":{{eventIds}},"n":{{eventCount}},"first":"{{eventId}}"}""", success: true);

        Assert.Equal("""{"ids":["e1","e2","e3"],"n":3,"first":"e1"}""", template.Render(new(EventId: "e1", EventIds: ["e1", "e2", "e3"])));
        Assert.Equal("""{"ids":[],"n":0,"first":""}""", template.Render(new()));
    }

    [Fact]
    public void EventIdsInQuotesAreRefusedWithTheFix()
    {
        var errors = new List<ValidationError>();

        ResponseValidation.Validate("""{"ids":"{{eventIds}}"}""", "response.success", errors);

        Assert.Equal("response.success: {{eventIds}} is a JSON array: write it without quotes, as in \"eventIds\": {{eventIds}}", Assert.Single(errors).ToString());
    }
}
