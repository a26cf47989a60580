using System.Data;
using Dapper;

namespace Extractor.Store;

/// <summary>An attempt's hold on one document while it is extracted: only the holder of the token may store it.</summary>
public sealed record DocumentClaim(string Sha256, string Token, string Holder, string? Job);

/// <summary>A claim that was taken over (it expired while its holder was stalled): this attempt's result is dropped.</summary>
public sealed class ClaimLostException(string sha256)
    : Exception($"{sha256}: the claim on this document was taken over by another worker; this attempt's result is not stored");

/// <summary>A live claim, as `extractor status` lists it.</summary>
public sealed class ClaimRecord
{
    public string Sha256 { get; init; } = "";
    public string Holder { get; init; } = "";
    public string? Job { get; init; }
    public string? Source { get; init; }
    public string ClaimedAt { get; init; } = "";
    public string ExpiresAt { get; init; } = "";
}

/// <summary>
/// Document claims (migration 0006): claim, extract, store and end the claim in the storing transaction. A claim
/// expires unless renewed; an expired claim, or one made by the same job before (the job is being run again because
/// its worker died), is taken over. Times are the database's clock.
/// </summary>
public sealed partial class ExtractorStore
{
    /// <summary>Claims <paramref name="sha256"/> for <paramref name="lease"/>; null when another attempt holds it.</summary>
    public DocumentClaim? TryClaim(string sha256, string holder, string? job, string? source, TimeSpan lease)
    {
        var token = Guid.NewGuid().ToString("N");
        var taken = _db.QuerySingleOrDefault<string?>($"""
            INSERT INTO document_claims (sha256, token, holder, job, source, claimed_at, expires_at)
            VALUES (@sha256, @token, @holder, @job, @source, {Dialect.Now}, {Dialect.NowPlus("@lease")})
            ON CONFLICT (sha256) DO UPDATE SET token = excluded.token, holder = excluded.holder, job = excluded.job,
                source = excluded.source, claimed_at = excluded.claimed_at, expires_at = excluded.expires_at
            WHERE document_claims.expires_at < {Dialect.Now}
               OR (document_claims.job IS NOT NULL AND document_claims.job = excluded.job)
            RETURNING token
            """, new { sha256, token, holder, job, source, lease = lease.TotalSeconds });
        return taken == token ? new DocumentClaim(sha256, token, holder, job) : null;
    }

    /// <summary>Extends a claim; false when it is no longer this attempt's.</summary>
    public bool RenewClaim(DocumentClaim claim, TimeSpan lease) =>
        _db.Execute($"""
            UPDATE document_claims SET expires_at = {Dialect.NowPlus("@lease")} WHERE sha256 = @Sha256 AND token = @Token
            """, new { claim.Sha256, claim.Token, lease = lease.TotalSeconds }) > 0;

    /// <summary>Gives a claim up without storing anything (the document was skipped).</summary>
    public void ReleaseClaim(DocumentClaim claim) =>
        _db.Execute("DELETE FROM document_claims WHERE sha256 = @Sha256 AND token = @Token", new { claim.Sha256, claim.Token });

    public IReadOnlyList<ClaimRecord> Claims() =>
        _db.Query<ClaimRecord>($"""
            SELECT sha256, holder, job, source, {Dialect.TimeText("claimed_at")} AS claimed_at, {Dialect.TimeText("expires_at")} AS expires_at
            FROM document_claims ORDER BY claimed_at, sha256
            """).ToList();

    private void EndClaim(DocumentClaim? claim, IDbTransaction tx)
    {
        if (claim is null) return;
        if (_db.Execute("DELETE FROM document_claims WHERE sha256 = @Sha256 AND token = @Token", new { claim.Sha256, claim.Token }, tx) == 0)
            throw new ClaimLostException(claim.Sha256);
    }
}
