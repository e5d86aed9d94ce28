using Inlet.Engine.Validation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Inlet.Hosting;

/// <summary>RFC 7807 problem details for the API's expected failures, each with a machine-readable <c>code</c>.</summary>
internal static class Problems
{
    /// <summary>Every fault at once, grouped by field (400 for a definition, 422 for an event, as the pipeline answers).</summary>
    public static ProblemHttpResult Invalid(IEnumerable<ValidationError> errors, string code = "invalid_definition",
        string title = "The definition has faults", int status = StatusCodes.Status400BadRequest) =>
        TypedResults.Problem(new HttpValidationProblemDetails(errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()))
        {
            Title = title,
            Status = status,
            Extensions = { ["code"] = code },
        });

    public static ProblemHttpResult Status(int status, string code, string detail) =>
        TypedResults.Problem(detail: detail, statusCode: status, extensions: new Dictionary<string, object?> { ["code"] = code });

    /// <summary>503 <c>unavailable</c>: nothing was stored; <c>Retry-After</c> says when to try again.</summary>
    public static ProblemHttpResult Unavailable(HttpResponse response, int retryAfterSeconds, string detail)
    {
        response.Headers.RetryAfter = retryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Status(StatusCodes.Status503ServiceUnavailable, "unavailable", detail);
    }

    public static ProblemHttpResult NotFound(string what) => Status(StatusCodes.Status404NotFound, "not_found", $"{what} does not exist in this account");
}
