using System.Buffers;
using Microsoft.AspNetCore.Http;

namespace Norddjurs.TeamsRisk.BotProtocol.Inbound;

/// <summary>Reads a request body up to <see cref="InboundLimits.MaxActivityBytes"/>; a longer body is refused before any parsing.</summary>
internal static class ActivityBodyReader
{
    /// <summary>The body's bytes, or null when it is over the limit (by <c>Content-Length</c> or by what actually arrives).</summary>
    public static async Task<ReadOnlyMemory<byte>?> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > InboundLimits.MaxActivityBytes)
        {
            return null;
        }

        var buffer = new ArrayBufferWriter<byte>(4096);
        while (true)
        {
            var read = await request.Body.ReadAsync(buffer.GetMemory(8192), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                return buffer.WrittenMemory;
            }

            buffer.Advance(read);
            if (buffer.WrittenCount > InboundLimits.MaxActivityBytes)
            {
                return null;
            }
        }
    }
}
