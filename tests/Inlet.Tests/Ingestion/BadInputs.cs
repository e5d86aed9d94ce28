using System.Text;

namespace Inlet.Tests.Ingestion;

/// <summary>A request as a sender may get it wrong, and the status and outcome spec §2 (and docs/service.md) give it.</summary>
public sealed record BadInput(byte[] Body, int Status, string? Outcome)
{
    /// <summary>The webhook it goes to (see <see cref="BadInputWebhooks"/>).</summary>
    public string Endpoint { get; init; } = BadInputWebhooks.Points;

    public string Method { get; init; } = "POST";

    /// <summary>Sent as written, valid or not; null sends none.</summary>
    public string? ContentType { get; init; } = "application/json";

    public (string Name, string Value)[] Headers { get; init; } = [];

    /// <summary>Sent without a Content-Length, so only reading it shows how long it is.</summary>
    public bool Chunked { get; init; }

    /// <summary>The error code of the answer, when it is not the outcome itself (a rule code).</summary>
    public string? Code { get; init; }
}

/// <summary>The battery: at least one of every kind of bad input, each named as the test that sends it is.</summary>
internal static class BadInputs
{
    /// <summary>Answered by the server (Kestrel's limits) before Inlet reads the request: no log row, no outcome.</summary>
    private const string? BeforeInlet = null;

    private const string Customer = BadInputWebhooks.Customer;

    public static IReadOnlyDictionary<string, BadInput> All { get; } = new Dictionary<string, BadInput>
    {
        // Not JSON: 400 invalid_json (step 6).
        ["malformed JSON"] = InvalidJson("""{"clientID":"""),
        ["text after the object"] = InvalidJson($$"""{"clientID":"{{Customer}}","points":1} and more"""),
        ["single quotes, as the manual writes its examples"] = InvalidJson($"{{'clientID':'{Customer}','points':1}}"),
        ["a trailing comma"] = InvalidJson($$"""{"clientID":"{{Customer}}","points":1,}"""),
        ["a name given twice"] = InvalidJson($$"""{"clientID":"{{Customer}}","points":1,"points":2}"""),
        ["a name given twice where the log masks a path"] = InvalidJson($$$"""{"clientID":"{{{Customer}}}","points":1,"note":{},"note":{"secret":"x"}}"""),
        ["a comment"] = InvalidJson($$"""{"clientID":"{{Customer}}", /* why not */ "points":1}"""),
        ["a raw control character in a string"] = InvalidJson($"{{\"clientID\":\"a\u0001b\",\"points\":1}}"),
        ["a NaN"] = InvalidJson($$"""{"clientID":"{{Customer}}","points":NaN}"""),
        ["10,000 nested objects"] = InvalidJson(string.Concat(Enumerable.Repeat("{\"a\":", 10_000)) + "1" + new string('}', 10_000)),
        ["10,000 nested arrays"] = InvalidJson("{\"a\":" + new string('[', 10_000) + new string(']', 10_000) + "}"),
        ["33 nested objects, one over the limit"] = InvalidJson(string.Concat(Enumerable.Repeat("{\"a\":", 33)) + "1" + new string('}', 33)),
        ["an empty body"] = InvalidJson(""),
        ["only whitespace"] = InvalidJson(" \r\n\t "),
        ["null"] = InvalidJson("null"),
        ["an array"] = InvalidJson($$"""[{"clientID":"{{Customer}}","points":1}]"""),
        ["a string"] = InvalidJson("\"clientID\""),
        ["a number"] = InvalidJson("42"),
        ["true"] = InvalidJson("true"),
        ["no content type and a body that is not JSON"] = InvalidJson("clientID=x") with { ContentType = null },

        // Not UTF-8, which JSON must be: 400 invalid_json as well, and logged like any malformed body.
        ["invalid UTF-8 in a mapped string"] = new(Bytes("{\"clientID\":\"a", [0xff, 0xfe], "b\",\"points\":1}"), 400, "invalid_json"),
        ["invalid UTF-8 in a string no mapping reads"] = new(Bytes($"{{\"clientID\":\"{Customer}\",\"points\":1,\"note\":\"", [0xff, 0xfe], "\"}"), 400, "invalid_json"),
        ["an overlong UTF-8 encoding"] = new(Bytes("{\"clientID\":\"", [0xc0, 0xaf], "\",\"points\":1}"), 400, "invalid_json"),
        ["a surrogate encoded in UTF-8"] = new(Bytes("{\"clientID\":\"", [0xed, 0xa0, 0x80], "\",\"points\":1}"), 400, "invalid_json"),
        ["an escaped lone surrogate in the customer id"] = InvalidJson("""{"clientID":"a\ud800b","points":1}"""),
        ["an escaped lone surrogate in a name"] = InvalidJson($$"""{"clientID":"{{Customer}}","points":1,"\udc00":1}"""),
        ["a UTF-8 byte order mark, which JSON senders must not add"] = new(Bytes("", [0xef, 0xbb, 0xbf], Valid), 400, "invalid_json"),
        ["UTF-16 declared as a charset"] = new(Encoding.Unicode.GetBytes($$"""{"clientID":"{{Customer}}","points":1}"""), 400, "invalid_json")
        {
            ContentType = "application/json; charset=utf-16",
        },

        // Size and type (step 4): 413 and 415.
        ["a body over the size limit"] = new(Utf8($$"""{"clientID":"{{Customer}}","points":1,"pad":"{{new string('a', 300 * 1024)}}"}"""), 413, "payload_too_large"),
        ["a body over the size limit without a length"] = new(Utf8($$"""{"pad":"{{new string('a', 300 * 1024)}}"}"""), 413, "payload_too_large")
        {
            Chunked = true,
        },
        ["text/plain"] = Unsupported("text/plain"),
        ["XML"] = new(Utf8($"<points><clientID>{Customer}</clientID></points>"), 415, "unsupported_media_type") { ContentType = "application/xml" },
        ["multipart/form-data"] = Unsupported("multipart/form-data; boundary=x"),
        ["a content type that is not a media type"] = Unsupported("not a type at all"),

        // Headers over Kestrel's limits (32 KiB in all, 100 headers): 431 from the server, before Inlet.
        ["a 64 KiB header"] = new(Utf8(Valid), 431, BeforeInlet) { Headers = [("X-Huge", new string('h', 64 * 1024))] },
        ["200 headers"] = new(Utf8(Valid), 431, BeforeInlet) { Headers = [.. Enumerable.Range(0, 200).Select(i => ($"X-Header-{i}", "v"))] },

        // Numbers out of range and wrong types, for every attribute type a mapping converts to: 422 invalid_event (step 10).
        ["an integer of 1e400"] = InvalidEvent(BadInputWebhooks.Points, """{"clientID":"bad-input","points":1e400}"""),
        ["an integer of 99999999999999999999"] = InvalidEvent(BadInputWebhooks.Points, """{"clientID":"bad-input","points":99999999999999999999}"""),
        ["an integer one over the largest"] = InvalidEvent(BadInputWebhooks.Points, """{"clientID":"bad-input","points":9223372036854775808}"""),
        ["an integer of 1e-400, which is 0"] = InvalidEvent(BadInputWebhooks.Points, """{"clientID":"bad-input","points":1e-400}"""),
        ["an integer given as true"] = InvalidEvent(BadInputWebhooks.Typed, """{"clientID":"bad-input","count":true}"""),
        ["an integer given as words"] = InvalidEvent(BadInputWebhooks.Typed, """{"clientID":"bad-input","count":"ten"}"""),
        ["a number of 1e400"] = InvalidEvent(BadInputWebhooks.Typed, """{"clientID":"bad-input","amount":1e400}"""),
        ["a number given as an array"] = InvalidEvent(BadInputWebhooks.Typed, """{"clientID":"bad-input","amount":[1]}"""),
        ["a text given as an object"] = InvalidEvent(BadInputWebhooks.Typed, """{"clientID":"bad-input","text":{"a":1}}"""),
        ["a boolean given as maybe"] = InvalidEvent(BadInputWebhooks.Typed, """{"clientID":"bad-input","flag":"maybe"}"""),
        ["a date that does not exist"] = InvalidEvent(BadInputWebhooks.Typed, """{"clientID":"bad-input","day":"2026-02-30"}"""),
        ["a date-time given as a number"] = InvalidEvent(BadInputWebhooks.Typed, """{"clientID":"bad-input","moment":1732874400}"""),
        ["a date-time given as words"] = InvalidEvent(BadInputWebhooks.Typed, """{"clientID":"bad-input","moment":"yesterday"}"""),
        ["a list of texts given as an object"] = InvalidEvent(BadInputWebhooks.Typed, """{"clientID":"bad-input","tags":{"a":"b"}}"""),
        ["a list of objects given as a string"] = InvalidEvent(BadInputWebhooks.Items, """{"clientID":"bad-input","id":"T-1","total":1,"items":"abc"}"""),
        ["a list of objects given as numbers"] = InvalidEvent(BadInputWebhooks.Items, """{"clientID":"bad-input","id":"T-1","total":1,"items":[1,2]}"""),

        // The customer id (1–128 characters): 422 invalid_event.
        ["a customer id of 129 characters"] = InvalidEvent(BadInputWebhooks.Points, $$"""{"clientID":"{{new string('c', 129)}}","points":1}"""),
        ["a customer id with a NUL character"] = InvalidEvent(BadInputWebhooks.Points, """{"clientID":"a\u0000b","points":1}"""),
        ["an empty customer id"] = InvalidEvent(BadInputWebhooks.Points, """{"clientID":"","points":1}"""),
        ["no customer id"] = InvalidEvent(BadInputWebhooks.Points, """{"points":1}"""),
        ["a customer id given as an object"] = InvalidEvent(BadInputWebhooks.Points, """{"clientID":{"id":"bad-input"},"points":1}"""),

        // What the pipeline accepts although a stricter reader would not.
        ["no content type and a JSON body"] = new(Utf8(Valid), 200, "processed") { ContentType = null },
        ["a form with broken percent-encoding"] = new(Utf8($"clientID={Customer}&points=%ZZ"), 422, "invalid_event")
        {
            ContentType = "application/x-www-form-urlencoded",
        },

        // Methods the webhook does not take: 405 (step 2).
        ["GET"] = new(Utf8(""), 405, "method_not_allowed") { Method = "GET", ContentType = null },
        ["DELETE with a body"] = new(Utf8(Valid), 405, "method_not_allowed") { Method = "DELETE" },
    };

    private static string Valid => $$"""{"clientID":"{{Customer}}","points":1}""";

    private static BadInput InvalidJson(string body) => new(Utf8(body), 400, "invalid_json");

    private static BadInput Unsupported(string contentType) => new(Utf8(Valid), 415, "unsupported_media_type") { ContentType = contentType };

    private static BadInput InvalidEvent(string endpoint, string body) => new(Utf8(body), 422, "invalid_event") { Endpoint = endpoint };

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static byte[] Bytes(string before, byte[] raw, string after) => [.. Utf8(before), .. raw, .. Utf8(after)];
}
