namespace Norddjurs.TeamsRisk.App.Endpoints;

/// <summary>
/// The continuity-plan file as sent: the raw body (<c>text/csv</c>, also <c>text/plain</c> or
/// <c>application/octet-stream</c>) or the first file of a <c>multipart/form-data</c> form, up to 5 MB.
/// </summary>
internal sealed record CsvUpload(byte[]? File, string? FileName, IResult? Problem)
{
    private const string DefaultName = "import.csv";

    private static readonly string[] RawTypes = ["text/csv", "text/plain", "application/octet-stream"];

    public static async Task<CsvUpload> ReadAsync(HttpContext http, ApiCaller caller, CancellationToken cancellationToken)
    {
        var request = http.Request;
        var limit = BodyLimit.Of(http).Bytes;
        if (request.HasFormContentType)
        {
            IFormCollection form;
            try
            {
                form = await request.ReadFormAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (InvalidDataException)
            {
                // The form reader's only InvalidDataExceptions are its length and count limits.
                return Refused(Problems.TooLarge(limit, caller.Language));
            }
            catch (IOException)
            {
                return Refused(JsonBody.Invalid(null, caller));
            }

            var file = form.Files.Count > 0 ? form.Files[0] : null;
            if (file is null || file.Length == 0)
            {
                return Refused(Problems.BadRequest(Core.Errors.DomainError.Of("api.csv_missing"), caller.Language));
            }

            if (file.Length > limit)
            {
                return Refused(Problems.TooLarge(limit, caller.Language));
            }

            using var content = new MemoryStream();
            await file.CopyToAsync(content, cancellationToken).ConfigureAwait(false);
            return new CsvUpload(content.ToArray(), string.IsNullOrWhiteSpace(file.FileName) ? DefaultName : Path.GetFileName(file.FileName), null);
        }

        var mediaType = request.ContentType?.Split(';')[0].Trim();
        if (mediaType is null || !RawTypes.Contains(mediaType, StringComparer.OrdinalIgnoreCase))
        {
            return Refused(Problems.UnsupportedMediaType(caller.Language));
        }

        var body = await JsonBody.ReadBytesAsync(http, caller, cancellationToken).ConfigureAwait(false);
        if (!body.Ok)
        {
            return Refused(body.Problem);
        }

        return body.Value.Length == 0
            ? Refused(Problems.BadRequest(Core.Errors.DomainError.Of("api.csv_missing"), caller.Language))
            : new CsvUpload(body.Value, DefaultName, null);
    }

    private static CsvUpload Refused(IResult problem) => new(null, null, problem);
}
