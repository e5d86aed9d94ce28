namespace Inlet.Accounts;

/// <summary>A tenant: a brand's loyalty program. Its id is the slug used in webhook URLs.</summary>
internal sealed class Account
{
    public required string Id { get; init; }
    public required string Name { get; set; }
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>The account settings of spec §6, stored as JSON.</summary>
    public string SettingsJson { get; set; } = "{}";
}

/// <summary>An API key: only its SHA-256 hash is stored; the secret is shown once, at creation.</summary>
internal sealed class ApiKey
{
    public required string Id { get; init; }
    public required string AccountId { get; init; }
    public required string Name { get; init; }
    public required string Hash { get; init; }

    /// <summary>The first characters of the secret, so a user can tell keys apart.</summary>
    public required string Prefix { get; init; }

    /// <summary>Admin keys may also create accounts.</summary>
    public bool IsAdmin { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
}

/// <summary>A Backoffice user of one account.</summary>
internal sealed class User
{
    public required string Id { get; init; }
    public required string AccountId { get; init; }
    public required string UserName { get; init; }
    public required string PasswordHash { get; set; }
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>Wrong passwords given since the last successful login (see <c>Backoffice/LoginThrottling</c>).</summary>
    public int FailedLogins { get; set; }

    /// <summary>Until when logins are refused after too many wrong passwords; null when not locked.</summary>
    public DateTimeOffset? LockedUntil { get; set; }
}
