using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Acornima;
using Acornima.Ast;
using Inlet.Engine.Validation;
using Inlet.Engine.Webhooks;
using Jint;
using Jint.Native;
using Jint.Runtime;

namespace Inlet.Engine.Transforms;

/// <summary>
/// A transform parsed once per webhook version (a prepared script) and run in a fresh, sandboxed Jint engine per call:
/// strict mode, no CLR access, no <c>eval</c> or <c>Function</c>, and limits on time, memory, statements and recursion, so a
/// user's code can neither hang nor crash the node, nor see what another request left in its globals. The request goes in
/// and the result comes out as JSON, through Jint's own parser and serializer.
/// </summary>
public sealed class CompiledTransform
{
    private readonly Prepared<Script> _script;

    /// <summary>Whether a run of this version finished in this process (see <see cref="Run"/>).</summary>
    private volatile bool _finishedOnce;

    private CompiledTransform(Prepared<Script> script, TransformLimits limits) => (_script, Limits) = (script, limits);

    public TransformLimits Limits { get; }

    /// <summary>The prepared transform, or the error that refuses it at save time (with line and column).</summary>
    public static CompiledTransform? Compile(TransformDefinition definition, TransformLimits limits, List<ValidationError> errors)
    {
        if (definition.Language != "javascript")
        {
            errors.Add(new ValidationError("transform.language", $"'{definition.Language}' is not a transform language: use javascript"));
            return null;
        }
        Prepared<Script> script;
        try
        {
            script = Jint.Engine.PrepareScript(definition.Code, source: "transform", strict: true);
        }
        catch (ScriptPreparationException prepared) when (prepared.InnerException is ParseErrorException e)
        {
            errors.Add(new ValidationError("transform.code", $"line {e.LineNumber}, column {e.Column}: {e.Error?.Description ?? e.Message}"));
            return null;
        }
        if (!script.Program!.Body.OfType<FunctionDeclaration>().Any(f => f.Id?.Name == "transform"))
        {
            errors.Add(new ValidationError("transform.code", "declare function transform(request) { … } at the top level; it returns the body, an array of bodies, or null"));
            return null;
        }
        return new CompiledTransform(script, limits);
    }

    /// <summary>
    /// Runs the transform. The first run of a version in a process also pays for .NET compiling the parts of the interpreter
    /// its code uses (tens of milliseconds): a first run that hits the time limit is run once more, so a cold node does not
    /// refuse a request that a warm one takes in a millisecond.
    /// </summary>
    public TransformResult Run(TransformInput input)
    {
        var result = RunOnce(input, out var timedOut);
        if (timedOut && !_finishedOnce)
        {
            var again = RunOnce(input, out _);
            result = again with { Duration = result.Duration + again.Duration };
        }
        _finishedOnce = true;
        return result;
    }

    private TransformResult RunOnce(TransformInput input, out bool timedOut)
    {
        timedOut = false;
        var limits = Limits;
        var started = Stopwatch.GetTimestamp();
        TimeSpan Elapsed() => Stopwatch.GetElapsedTime(started);
        try
        {
            var engine = new Jint.Engine(options => options
                .Strict()
                .DisableStringCompilation()
                .TimeoutInterval(limits.Timeout)
                .LimitMemory(limits.MemoryBytes)
                .MaxStatements(limits.MaxStatements)
                .LimitRecursion(limits.MaxRecursion)
                .RegexTimeoutInterval(limits.Timeout));
            engine.Execute(_script);
            var request = new Jint.Native.Json.JsonParser(engine).Parse(input.ToJson());
            var result = engine.Invoke("transform", request);
            return Read(result, new Jint.Native.Json.JsonSerializer(engine), Elapsed());
        }
        catch (JavaScriptException e)
        {
            return new TransformResult.Failed($"the transform threw: {e.Message}", e.Location.Start.Line, e.Location.Start.Column + 1, Elapsed());
        }
        catch (Exception e) when (e is TimeoutException or System.Text.RegularExpressions.RegexMatchTimeoutException)
        {
            timedOut = true;
            return new TransformResult.Failed($"the transform ran longer than {limits.Timeout.TotalMilliseconds:0} ms", null, null, Elapsed());
        }
        catch (MemoryLimitExceededException)
        {
            return new TransformResult.Failed($"the transform used more than {limits.MemoryBytes / 1024} KiB of memory", null, null, Elapsed());
        }
        catch (StatementsCountOverflowException)
        {
            return new TransformResult.Failed($"the transform ran more than {limits.MaxStatements} statements", null, null, Elapsed());
        }
        catch (RecursionDepthOverflowException)
        {
            return new TransformResult.Failed($"the transform recursed deeper than {limits.MaxRecursion} calls", null, null, Elapsed());
        }
        catch (JintException e)
        {
            return new TransformResult.Failed($"the transform failed: {e.Message}", null, null, Elapsed());
        }
    }

    private static TransformResult Read(JsValue result, Jint.Native.Json.JsonSerializer serializer, TimeSpan elapsed)
    {
        if (result.IsNull())
        {
            return new TransformResult.Dropped(elapsed);
        }
        if (!result.IsObject() || result is Jint.Native.Function.Function)
        {
            return new TransformResult.Failed($"the transform returned {Describe(result)}: return an object (the body), an array of objects, or null", null, null, elapsed);
        }
        var json = serializer.Serialize(result).ToString();
        var value = JsonDocument.Parse(json).RootElement.Clone();
        if (value.ValueKind == JsonValueKind.Array)
        {
            var bodies = value.EnumerateArray().ToList();
            var notObject = bodies.FindIndex(b => b.ValueKind != JsonValueKind.Object);
            return notObject >= 0
                ? new TransformResult.Failed($"element {notObject} of the array the transform returned is not an object", null, null, elapsed)
                : new TransformResult.Many(bodies, json, elapsed);
        }
        return new TransformResult.Body(value, json, elapsed);
    }

    private static string Describe(JsValue value) => value.IsUndefined() ? "undefined (no return?)" : value.Type.ToString().ToLowerInvariant();
}

/// <summary>What a transform sees of a request: <c>{method, path, query, headers, body}</c>, headers redacted as in the log.</summary>
public sealed record TransformInput(string Method, string Path, IReadOnlyDictionary<string, string> Query, IReadOnlyDictionary<string, string> Headers, JsonElement Body)
{
    /// <summary>
    /// The request as a transform sees it, with <paramref name="headers"/> (redacted); its target is split into path and
    /// query only here, so requests to webhooks without a transform never pay for it. A repeated parameter's values are joined with ",".
    /// </summary>
    public static TransformInput Of(WebhookRequest request, IReadOnlyDictionary<string, string> headers)
    {
        var cut = request.Target.IndexOf('?', StringComparison.Ordinal);
        var query = new Dictionary<string, string>();
        if (cut >= 0)
        {
            var parsed = System.Web.HttpUtility.ParseQueryString(request.Target[(cut + 1)..]);
            foreach (var name in parsed.AllKeys.OfType<string>())
            {
                query[name] = parsed[name] ?? "";
            }
        }
        return new TransformInput(request.Method, cut < 0 ? request.Target : request.Target[..cut], query, headers, request.Body);
    }

    public string ToJson()
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("method", Method);
            writer.WriteString("path", Path);
            WriteMap(writer, "query", Query);
            WriteMap(writer, "headers", Headers);
            writer.WritePropertyName("body");
            Body.WriteTo(writer);
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static void WriteMap(Utf8JsonWriter writer, string name, IReadOnlyDictionary<string, string> values)
    {
        writer.WriteStartObject(name);
        foreach (var (key, value) in values)
        {
            writer.WriteString(key.ToLowerInvariant(), value);
        }
        writer.WriteEndObject();
    }
}
