namespace Norddjurs.TeamsRisk.BotProtocol.Outbound;

/// <summary>
/// Keeps one token until five minutes before it expires (§3.1, as MSAL does), then refreshes it once:
/// concurrent callers wait for the same refresh instead of each asking Entra (no stampede).
/// </summary>
public sealed class BotTokenCache(IBotTokenSource source, TimeProvider time) : IBotTokenProvider, IDisposable
{
    public static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(5);

    private readonly SemaphoreSlim _refresh = new(1, 1);
    private volatile BotToken? _current;

    public async Task<BotToken> GetTokenAsync(CancellationToken cancellationToken)
    {
        if (IsFresh(_current, out var token))
        {
            return token;
        }

        await _refresh.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Whoever waited behind the refresh finds the new token here.
            if (IsFresh(_current, out token))
            {
                return token;
            }

            token = await source.AcquireAsync(cancellationToken).ConfigureAwait(false);
            _current = token;
            return token;
        }
        finally
        {
            _refresh.Release();
        }
    }

    public void Dispose() => _refresh.Dispose();

    private bool IsFresh(BotToken? candidate, out BotToken token)
    {
        token = candidate!;
        return candidate is not null && (candidate.IsNone || time.GetUtcNow() < candidate.ExpiresOn - RefreshMargin);
    }
}
