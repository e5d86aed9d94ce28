using System.Collections.Immutable;

namespace Inlet.Engine.Members;

public enum MemberStatus { Active, OptedOut }

/// <summary>
/// A loyalty member and its balances (spec §6). Immutable: every effect returns a new state.
/// Balance arithmetic is checked, so an overflow surfaces as a rejection rather than a wrapped balance.
/// </summary>
public sealed record MemberState(
    string Id,
    MemberStatus Status,
    ImmutableSortedDictionary<string, string> Profile,
    ImmutableList<string> Labels,
    long Score,
    long Spent,
    long Pending)
{
    /// <summary>Points the member can use: score − spent.</summary>
    public long Spendable => checked(Score - Spent);

    /// <summary>A member enrolled just now: active, empty profile, no labels, zero balances.</summary>
    public static MemberState New(string id) =>
        new(id, MemberStatus.Active, ImmutableSortedDictionary.Create<string, string>(StringComparer.Ordinal), [], 0, 0, 0);

    public MemberState AddScore(long delta) => this with { Score = checked(Score + delta) };

    public MemberState AddSpent(long delta) => this with { Spent = checked(Spent + delta) };

    public MemberState AddPending(long delta) => this with { Pending = checked(Pending + delta) };

    /// <summary>Labels are a set in insertion order: new ones are appended, known ones (ordinal) and empty ones skipped.</summary>
    public MemberState MergeLabels(IEnumerable<string> labels)
    {
        var merged = Labels;
        foreach (var label in labels)
        {
            if (label.Length > 0 && !merged.Contains(label, StringComparer.Ordinal))
            {
                merged = merged.Add(label);
            }
        }
        return merged == Labels ? this : this with { Labels = merged };
    }

    /// <summary>Sets each attribute; a null value removes it, so a sender can clear an attribute.</summary>
    public MemberState MergeProfile(IEnumerable<KeyValuePair<string, string?>> attributes)
    {
        var profile = Profile;
        foreach (var (name, value) in attributes)
        {
            profile = value is null ? profile.Remove(name) : profile.SetItem(name, value);
        }
        return this with { Profile = profile };
    }
}
