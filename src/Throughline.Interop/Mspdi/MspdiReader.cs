using System.Xml;
using System.Xml.Linq;
using Throughline.Domain.Diagnostics;

namespace Throughline.Interop.Mspdi;

/// <summary>
/// Reads Microsoft Project XML (MSPDI) into the domain. Untrusted input is expected: DTDs and entities are refused,
/// the document size is capped, and every problem comes back as a <see cref="Diagnostic"/> with file:line:col, never
/// as an exception.
/// </summary>
public static class MspdiReader
{
    /// <summary>Reads an MSPDI file from disk; a missing or unreadable file is an error diagnostic.</summary>
    public static MspdiReadResult ReadFile(string path, MspdiReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        try
        {
            using var stream = File.OpenRead(path);
            return Read(stream, path, options);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            return Failed(new Diagnostic(Severity.Error, DiagnosticCodes.Syntax, $"cannot read {path}: {e.Message}"));
        }
    }

    /// <summary>Reads MSPDI text held in memory; <paramref name="sourceName"/> names it in diagnostics.</summary>
    public static MspdiReadResult ReadString(string xml, string sourceName = "<string>", MspdiReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(xml);
        using var reader = new StringReader(xml);
        return Read(reader, sourceName, options);
    }

    /// <summary>Reads MSPDI from a stream (the encoding comes from the XML declaration or byte order mark).</summary>
    public static MspdiReadResult Read(Stream stream, string sourceName, MspdiReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(sourceName);
        options ??= MspdiReadOptions.Default;
        var settings = Settings(options);
        return Read(() => XmlReader.Create(stream, settings), sourceName, options);
    }

    /// <summary>Reads MSPDI from a text reader.</summary>
    public static MspdiReadResult Read(TextReader text, string sourceName, MspdiReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(sourceName);
        options ??= MspdiReadOptions.Default;
        var settings = Settings(options);
        return Read(() => XmlReader.Create(text, settings), sourceName, options);
    }

    /// <summary>Loads the XML; creating the reader is inside the guard because it already reads the first block.</summary>
    private static MspdiReadResult Read(Func<XmlReader> open, string sourceName, MspdiReadOptions options)
    {
        XDocument document;
        XmlReader? xml = null;
        try
        {
            xml = open();
            document = XDocument.Load(xml, LoadOptions.SetLineInfo);
        }
        catch (XmlException e)
        {
            return Failed(XmlError(e, xml as IXmlLineInfo, sourceName, options));
        }
        catch (System.Text.DecoderFallbackException e)
        {
            return Failed(new Diagnostic(Severity.Error, DiagnosticCodes.Syntax, $"the file is not valid text in its declared encoding: {e.Message}")
            {
                Location = new SourceLocation(sourceName, 1, 1),
            });
        }

        finally
        {
            xml?.Dispose();
        }

        return new MspdiImporter(sourceName).Import(document.Root!);
    }

    private static XmlReaderSettings Settings(MspdiReadOptions options) => new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersInDocument = options.MaxCharactersInDocument,
        MaxCharactersFromEntities = 1024,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CloseInput = false,
    };

    private static Diagnostic XmlError(XmlException e, IXmlLineInfo? reader, string sourceName, MspdiReadOptions options)
    {
        // Some refusals (a DTD) are thrown without a position; the reader still knows where it stopped.
        var location = e.LineNumber > 0 ? new SourceLocation(sourceName, e.LineNumber, e.LinePosition)
            : reader is { LineNumber: > 0 } ? new SourceLocation(sourceName, reader.LineNumber, reader.LinePosition)
            : new SourceLocation(sourceName, 1, 1);

        // XmlException messages carry their own "Line x, position y." suffix; the location already says it.
        var message = e.Message;
        var suffix = message.LastIndexOf(" Line ", StringComparison.Ordinal);
        if (suffix > 0)
        {
            message = message[..suffix];
        }

        if (message.Contains("DTD", StringComparison.Ordinal))
        {
            return new Diagnostic(Severity.Error, DiagnosticCodes.UnsafeXml, "the file declares a DTD; MSPDI files have none, and DTDs (entity expansion, external entities) are refused for safety")
            {
                Location = location,
            };
        }

        if (message.Contains("MaxCharactersInDocument", StringComparison.Ordinal) || message.Contains("exceeds the maximum", StringComparison.OrdinalIgnoreCase))
        {
            return new Diagnostic(Severity.Error, DiagnosticCodes.UnsafeXml, $"the document is larger than the {options.MaxCharactersInDocument:N0}-character limit")
            {
                Location = location,
            };
        }

        return new Diagnostic(Severity.Error, DiagnosticCodes.Syntax, $"not well-formed XML: {message.TrimEnd('.')}") { Location = location };
    }

    private static MspdiReadResult Failed(Diagnostic diagnostic) => new(null, [diagnostic]);
}
