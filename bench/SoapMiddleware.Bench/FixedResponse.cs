namespace SoapMiddleware.Bench;

/// <summary>What every ceiling does per request: drain the body without parsing it, then write the captured bytes.</summary>
internal static class FixedResponse
{
    public static async Task WriteAsync(HttpContext http, byte[] body, string contentType)
    {
        var reader = http.Request.BodyReader;
        while (true)
        {
            var read = await reader.ReadAsync(http.RequestAborted);
            reader.AdvanceTo(read.Buffer.End);
            if (read.IsCompleted)
            {
                break;
            }
        }

        var response = http.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = contentType;
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body, http.RequestAborted);
    }
}
