using System.Text;
using CsCheck;

namespace Inlet.Tests.Ingestion;

/// <summary>Inlet in process (no Kestrel in front: whatever the client sends reaches the pipeline), with the webhooks bad inputs go to.</summary>
public sealed class RandomInputApp : InletApp, IAsyncLifetime
{
    public async ValueTask InitializeAsync() => await BadInputWebhooks.CreateAsync(this);
}

/// <summary>Random bytes, content types and headers, through the whole pipeline: never a 5xx, never an exception.</summary>
public sealed class RandomInputTests(RandomInputApp app) : IClassFixture<RandomInputApp>
{
    /// <summary>A request a careless or hostile sender could make.</summary>
    public sealed record RandomRequest(string Endpoint, string Method, string? ContentType, (string Name, string Value)[] Headers, byte[] Body)
    {
        public override string ToString() =>
            $"{Method} {Endpoint} [{ContentType}] {string.Join(" ", Headers.Select(h => $"{h.Name}: {h.Value}"))}\n{Convert.ToHexString(Body)}";
    }

    private static readonly Gen<string> Keys = Gen.OneOf("clientID", "points", "text", "count", "amount", "flag", "day", "moment", "tags",
        "items", "id", "total", "note", "kind", "secret", "event_id", "product_id", "quantity");

    private static readonly Gen<string> Scalars = Gen.Frequency(
        (4, Gen.OneOf("1", "-1", "0", "1.5", "-0", "1e400", "-1e400", "1e-400", "99999999999999999999", "9223372036854775808", "true", "false",
            "null", "\"\"", "\" \"", "\"10\"", "\"10.5\"", "\"ten\"", "\"yes\"", "\"a,b\"", "\"bad-input\"", "\"2026-11-29\"", "\"2026-02-30\"",
            "\"2026-11-29T10:00:00Z\"", "\"\\ud800\"", "\"\\udc00\\ud800\"", "\"\\ud83d\\ude00\"", "\"\\u0000\"", "\"ab\"", "\"%FF\"")),
        (1, Gen.Char[' ', '~'].Array[0, 40].Select(chars => System.Text.Json.JsonSerializer.Serialize(new string(chars)))));

    private static readonly Gen<string> Values = Gen.Recursive<string>((depth, inner) => depth > 3
        ? Scalars
        : Gen.Frequency((5, Scalars), (1, inner.Array[0, 3].Select(items => $"[{string.Join(",", items)}]")), (1, Objects(inner))));

    private static Gen<string> Objects(Gen<string> values) => Gen.Select(Keys, values).Array[0, 6].Select(fields => Json(fields.DistinctBy(f => f.Item1)));

    /// <summary>A body each webhook registers an event from, give or take a few fields of the wrong kind.</summary>
    private static readonly Gen<string> Plausible = Gen.Select(Gen.Int[1, 50], Gen.Int[0, 1_000_000], Gen.Select(Keys, Values).Array[0, 3], (points, transaction, changes) =>
    {
        var fields = new Dictionary<string, string>
        {
            ["clientID"] = "\"bad-input\"", ["points"] = $"{points}", ["id"] = $"\"T-{transaction}\"", ["total"] = "10",
            ["items"] = """[{"product_id":"p","quantity":1}]""",
        };
        foreach (var (name, value) in changes)
        {
            fields[name] = value;
        }
        return Json(fields.Select(f => (f.Key, f.Value)));
    });

    /// <summary>JSON objects of the fields the webhooks read, often broken by a few bytes; forms; and plain noise.</summary>
    private static readonly Gen<byte[]> Bodies = Gen.Frequency(
        (3, Plausible.Select(Encoding.UTF8.GetBytes)),
        (3, Objects(Values).Select(Encoding.UTF8.GetBytes)),
        (3, Gen.Select(Objects(Values), Gen.Int[0, 1000], Gen.Byte.Array[1, 3], Gen.Bool, (json, at, noise, cut) => Damage(Encoding.UTF8.GetBytes(json), at, noise, cut))),
        (2, Gen.Select(Keys, Gen.OneOf("bad-input", "5", "%ZZ", "%FF%FE", "%ED%A0%80", "a+b", "", "%", "=", "&")).Array[0, 5]
            .Select(fields => Encoding.UTF8.GetBytes(string.Join("&", fields.Select(f => $"{f.Item1}={f.Item2}"))))),
        (1, Gen.Byte.Array[0, 300]));

    private static readonly Gen<string?> ContentTypes = Gen.Frequency(
        (6, Gen.OneOf<string?>("application/json", null, "application/x-www-form-urlencoded", "application/json; charset=utf-8")),
        (2, Gen.OneOf<string?>("text/plain", "application/json; charset=utf-16", "application/cloudevents+json", "multipart/form-data; boundary=x",
            "application/x-www-form-urlencoded; charset=latin1", "*/*", ";", "application/", "+json")),
        (1, Gen.Char[' ', '~'].Array[0, 30].Select(chars => (string?)new string(chars))));

    private static readonly Gen<(string, string)> Headers = Gen.Select(
        Gen.OneOf("Idempotency-Key", "webhook-id", "X-Source", "Authorization", "X-Signature", "Cookie", "X-Custom", "Content-Encoding", "Accept"),
        Gen.Frequency((3, Gen.OneOf("", "shop", "crm", "k-1", "Bearer x", "gzip")), (1, Gen.Char[' ', '~'].Array[0, 2000].Select(chars => new string(chars)))));

    private static readonly Gen<RandomRequest> Requests = Gen.Select(
        Gen.Frequency((9, Gen.OneOf(BadInputWebhooks.Points, BadInputWebhooks.Typed, BadInputWebhooks.Items)), (1, Gen.Const("nowhere"))),
        Gen.Frequency((8, Gen.Const("POST")), (1, Gen.OneOf("PUT", "GET", "DELETE", "PATCH", "OPTIONS"))),
        ContentTypes, Headers.Array[0, 6], Bodies,
        (endpoint, method, contentType, headers, body) => new RandomRequest(endpoint, method, contentType, headers, body));

    [Fact]
    public async Task NoRequestIsAnswered5xxOrEscapesThePipeline()
    {
        var sender = app.Sender();

        await Requests.SampleAsync(async request =>
        {
            using var message = new HttpRequestMessage(new HttpMethod(request.Method), $"/webhooks/custom/demo/{request.Endpoint}")
            {
                Content = new ByteArrayContent(request.Body),
            };
            if (request.ContentType is not null)
            {
                message.Content.Headers.TryAddWithoutValidation("Content-Type", request.ContentType);
            }
            foreach (var (name, value) in request.Headers)
            {
                message.Headers.TryAddWithoutValidation(name, value);
            }

            using var response = await sender.SendAsync(message, TestContext.Current.CancellationToken);

            Assert.True((int)response.StatusCode < 500, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)}");
            // The pipeline answered it, with its log row's id, not the exception handler or the server.
            Assert.True(response.Headers.Contains("Inlet-Request-Id"));
        }, iter: 400, threads: 1);
    }

    private static string Json(IEnumerable<(string Name, string Value)> fields) => $"{{{string.Join(",", fields.Select(f => $"\"{f.Name}\":{f.Value}"))}}}";

    /// <summary>The JSON with a few bytes put in at some place, or cut there.</summary>
    private static byte[] Damage(byte[] json, int at, byte[] noise, bool cut)
    {
        var place = at % (json.Length + 1);
        return cut ? json[..place] : [.. json[..place], .. noise, .. json[place..]];
    }
}
