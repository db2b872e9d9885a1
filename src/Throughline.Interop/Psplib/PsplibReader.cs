using System.Globalization;
using Throughline.Domain.Diagnostics;
using Throughline.Scheduling.Leveling;

namespace Throughline.Interop.Psplib;

/// <summary>
/// Reads PSPLIB single-mode RCPSP files (<c>j30/*.sm</c> .. <c>j120/*.sm</c>) into an <see cref="RcpspInstance"/>.
/// Sections are found by their header text (<c>PRECEDENCE RELATIONS:</c>, <c>REQUESTS/DURATIONS:</c>,
/// <c>RESOURCEAVAILABILITIES:</c>), never by line number, and rows are split on whitespace. Every problem comes back
/// as a <see cref="Diagnostic"/> at file:line:col, all of them at once; nothing throws on bad input.
/// </summary>
/// <remarks>
/// PSPLIB job k becomes job k − 1, and each finish-to-start arc i → j becomes the start-to-start lag
/// <c>duration[i]</c>, the form the solver works on. The dummy source and sink are kept, so a schedule's job
/// numbers map back to the file's one for one.
/// </remarks>
public static class PsplibReader
{
    /// <summary>Reads a file; a missing or unreadable file is a TL1001 diagnostic. The instance is named after the file.</summary>
    public static PsplibReadResult ReadFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            return new PsplibReadResult(null, null, [new Diagnostic(Severity.Error, DiagnosticCodes.Syntax, $"cannot read {path}: {e.Message}")]);
        }

        return ReadString(text, path);
    }

    /// <summary>Reads file text held in memory; <paramref name="sourceName"/> names it in diagnostics and names the instance.</summary>
    public static PsplibReadResult ReadString(string text, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(sourceName);
        return new Parser(text, sourceName).Parse();
    }

    private readonly record struct Token(string Text, int Column);

    private sealed class Parser(string text, string sourceName)
    {
        private readonly string[] _lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        private readonly List<Diagnostic> _diagnostics = [];

        public PsplibReadResult Parse()
        {
            var jobs = HeaderValue("jobs", "the number of jobs (\"jobs (incl. supersource/sink ):\")");
            var renewable = HeaderValue("- renewable", "the number of renewable resources (\"- renewable :\")");
            foreach (var label in new[] { "- nonrenewable", "- doubly constrained" })
            {
                if (HeaderLine(label) is { } line && HeaderToken(line) is { } token && token.Text != "0")
                {
                    Error(line, token.Column, $"only renewable resources are supported (single-mode PSPLIB), but the file has {label[2..]} resources: {token.Text}");
                }
            }

            var mpm = StatedCriticalPath();
            if (jobs is not { } n || renewable is not { } k || HasErrors)
            {
                return Failed();
            }

            if (n < 1)
            {
                Error(1, 1, "the file states no jobs; an instance needs at least one");
                return Failed();
            }

            var arcs = ReadPrecedences(n);
            var (durations, demands, demandAt) = ReadRequests(n, k);
            var capacities = ReadCapacities(k);
            if (HasErrors || arcs is null || durations is null || demands is null || demandAt is null || capacities is null)
            {
                return Failed();
            }

            CheckDemands(n, k, demands, demandAt, capacities);
            CheckCycles(n, arcs);
            var links = arcs.Select(a => (a.Job, a.Successor, durations[a.Job])).ToList();
            if (HasErrors)
            {
                return Failed();
            }

            var name = Path.GetFileNameWithoutExtension(sourceName);
            var instance = new RcpspInstance(name, durations, capacities, demands, links);
            return new PsplibReadResult(instance, mpm, _diagnostics);
        }

        private bool HasErrors => _diagnostics.Any(d => d.IsError);

        private PsplibReadResult Failed() => new(null, null, _diagnostics);

        /// <summary>The successor lists as (job, successor, line, column of the successor's token), 0-based job indices.</summary>
        private List<(int Job, int Successor, int Line, int Column)>? ReadPrecedences(int n)
        {
            var rows = SectionRows("PRECEDENCE RELATIONS:", n, headerLines: 1);
            if (rows is null)
            {
                return null;
            }

            var arcs = new List<(int, int, int, int)>();
            for (var job = 1; job <= n; job++)
            {
                var (line, tokens) = rows[job - 1];
                if (!JobNumber(line, tokens, job))
                {
                    continue;
                }

                if (tokens.Count < 3)
                {
                    Error(line, LineEnd(line), $"job {job}: a precedence row needs the job number, its number of modes and its number of successors");
                    continue;
                }

                if (Number(line, tokens[1], "number of modes") is { } modes && modes != 1)
                {
                    Error(line, tokens[1].Column, $"job {job} has {modes} modes; only single-mode files (.sm) are supported");
                }

                if (Number(line, tokens[2], "number of successors") is not { } count)
                {
                    continue;
                }

                var written = tokens.Count - 3;
                if (written < count)
                {
                    Error(line, LineEnd(line), $"job {job} states {count} successors but lists {written}");
                }
                else if (written > count)
                {
                    Error(line, tokens[3 + count].Column, $"job {job} states {count} successors but lists {written}");
                }

                for (var t = 3; t < tokens.Count; t++)
                {
                    if (Number(line, tokens[t], "successor") is not { } successor)
                    {
                        continue;
                    }

                    if (successor < 1 || successor > n)
                    {
                        Error(line, tokens[t].Column, $"job {job} names successor {successor}, but jobs are numbered 1..{n}");
                    }
                    else if (successor == job)
                    {
                        Error(line, tokens[t].Column, $"job {job} names itself as a successor");
                    }
                    else
                    {
                        arcs.Add((job - 1, successor - 1, line, tokens[t].Column));
                    }
                }
            }

            return arcs;
        }

        private (int[]? Durations, int[]? Demands, (int Line, int Column)[]? DemandAt) ReadRequests(int n, int k)
        {
            // The column header is followed by a rule of dashes before the rows.
            var rows = SectionRows("REQUESTS/DURATIONS:", n, headerLines: 2);
            if (rows is null)
            {
                return (null, null, null);
            }

            var durations = new int[n];
            var demands = new int[n * k];
            var at = new (int Line, int Column)[n * k];
            for (var job = 1; job <= n; job++)
            {
                var (line, tokens) = rows[job - 1];
                if (!JobNumber(line, tokens, job))
                {
                    continue;
                }

                if (tokens.Count != 3 + k)
                {
                    var column = tokens.Count > 3 + k ? tokens[3 + k].Column : LineEnd(line);
                    Error(line, column, $"job {job}: expected mode, duration and {k} resource demands ({3 + k} values), found {tokens.Count}");
                    continue;
                }

                if (Number(line, tokens[1], "mode") is { } mode && mode != 1)
                {
                    Error(line, tokens[1].Column, $"job {job} is listed in mode {mode}; only single-mode files (.sm) are supported");
                }

                durations[job - 1] = NonNegative(line, tokens[2], "duration") ?? 0;
                for (var r = 0; r < k; r++)
                {
                    demands[((job - 1) * k) + r] = NonNegative(line, tokens[3 + r], $"demand for resource {r + 1}") ?? 0;
                    at[((job - 1) * k) + r] = (line, tokens[3 + r].Column);
                }
            }

            return (durations, demands, at);
        }

        private int[]? ReadCapacities(int k)
        {
            var rows = SectionRows("RESOURCEAVAILABILITIES:", 1, headerLines: 1);
            if (rows is null)
            {
                return null;
            }

            var (line, tokens) = rows[0];
            if (tokens.Count != k)
            {
                Error(line, tokens.Count > k ? tokens[k].Column : LineEnd(line), $"expected {k} resource capacities, found {tokens.Count}");
                return null;
            }

            var capacities = new int[k];
            for (var r = 0; r < k; r++)
            {
                capacities[r] = NonNegative(line, tokens[r], $"capacity of resource {r + 1}") ?? 0;
            }

            return capacities;
        }

        private void CheckDemands(int n, int k, int[] demands, (int Line, int Column)[] demandAt, int[] capacities)
        {
            for (var j = 0; j < n; j++)
            {
                for (var r = 0; r < k; r++)
                {
                    var demand = demands[(j * k) + r];
                    if (demand > capacities[r])
                    {
                        var (line, column) = demandAt[(j * k) + r];
                        _diagnostics.Add(new Diagnostic(Severity.Error, DiagnosticCodes.PsplibUnschedulable, $"job {j + 1} demands {demand} of resource {r + 1}, whose capacity is {capacities[r]}: no schedule exists")
                        {
                            Location = new SourceLocation(sourceName, line, column),
                        });
                    }
                }
            }
        }

        private void CheckCycles(int n, List<(int Job, int Successor, int Line, int Column)> arcs)
        {
            var cycles = DependencyCycles.Find(n, arcs.Select(a => (a.Job, a.Successor)).ToList());
            foreach (var cycle in cycles)
            {
                var first = cycle[0];
                var second = cycle.Count > 1 ? cycle[1] : first;
                var arc = arcs.First(a => a.Job == first && a.Successor == second);
                var path = string.Join(" -> ", cycle.Append(first).Select(j => (j + 1).ToString(CultureInfo.InvariantCulture)));
                _diagnostics.Add(new Diagnostic(Severity.Error, DiagnosticCodes.PsplibUnschedulable, $"precedences form a cycle: {path}")
                {
                    Location = new SourceLocation(sourceName, arc.Line, arc.Column),
                });
            }
        }

        /// <summary>
        /// The <paramref name="count"/> rows after a section header and its column headers, each with its 1-based line
        /// number; null (with a diagnostic) when the section is missing or ends early.
        /// </summary>
        private List<(int Line, List<Token> Tokens)>? SectionRows(string header, int count, int headerLines)
        {
            var at = Array.FindIndex(_lines, l => l.TrimStart().StartsWith(header, StringComparison.Ordinal));
            if (at < 0)
            {
                Error(_lines.Length, 1, $"the file has no \"{header}\" section");
                return null;
            }

            var rows = new List<(int, List<Token>)>();
            for (var i = at + 1 + headerLines; rows.Count < count; i++)
            {
                if (i >= _lines.Length || _lines[i].TrimStart().StartsWith('*') || _lines[i].Trim().Length == 0)
                {
                    var line = Math.Min(i, _lines.Length - 1) + 1;
                    Error(line, 1, $"the \"{header}\" section ends after {rows.Count} rows; expected {count}");
                    return null;
                }

                rows.Add((i + 1, Tokens(_lines[i])));
            }

            return rows;
        }

        private bool JobNumber(int line, List<Token> tokens, int expected)
        {
            if (Number(line, tokens[0], "job number") is not { } job)
            {
                return false;
            }

            if (job != expected)
            {
                Error(line, tokens[0].Column, $"expected job {expected} here (jobs are listed in order 1..n), found job {job}");
                return false;
            }

            return true;
        }

        private int? HeaderValue(string label, string what)
        {
            if (HeaderLine(label) is not { } line)
            {
                Error(1, 1, $"the file does not state {what}");
                return null;
            }

            if (HeaderToken(line) is not { } token)
            {
                Error(line, LineEnd(line), $"no value after \"{label}\"");
                return null;
            }

            return NonNegative(line, token, label.TrimStart('-', ' '));
        }

        /// <summary>The 1-based line of the first header line starting with <paramref name="label"/> (before the first section).</summary>
        private int? HeaderLine(string label)
        {
            for (var i = 0; i < _lines.Length; i++)
            {
                var trimmed = _lines[i].TrimStart();
                if (trimmed.StartsWith("PRECEDENCE RELATIONS:", StringComparison.Ordinal))
                {
                    break;
                }

                if (trimmed.StartsWith(label, StringComparison.Ordinal) && trimmed.Contains(':', StringComparison.Ordinal))
                {
                    return i + 1;
                }
            }

            return null;
        }

        /// <summary>The first value after the colon on a header line (the trailing <c>R</c>/<c>N</c>/<c>D</c> marker is ignored).</summary>
        private Token? HeaderToken(int line)
        {
            var text = _lines[line - 1];
            var colon = text.IndexOf(':', StringComparison.Ordinal);
            var tokens = Tokens(text[(colon + 1)..]);
            return tokens.Count == 0 ? null : tokens[0] with { Column = tokens[0].Column + colon + 1 };
        }

        /// <summary>The MPM-Time (critical-path length) in PROJECT INFORMATION: informative, so a file without it still reads.</summary>
        private int? StatedCriticalPath()
        {
            var at = Array.FindIndex(_lines, l => l.TrimStart().StartsWith("PROJECT INFORMATION:", StringComparison.Ordinal));
            if (at < 0 || at + 2 >= _lines.Length)
            {
                return null;
            }

            var tokens = Tokens(_lines[at + 2]);
            return tokens.Count >= 6 && int.TryParse(tokens[5].Text, NumberStyles.None, CultureInfo.InvariantCulture, out var mpm) ? mpm : null;
        }

        private int? NonNegative(int line, Token token, string what)
        {
            if (Number(line, token, what) is not { } value)
            {
                return null;
            }

            if (value < 0)
            {
                Error(line, token.Column, $"the {what} is {value}; it must not be negative");
                return null;
            }

            return value;
        }

        private int? Number(int line, Token token, string what)
        {
            if (int.TryParse(token.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
            {
                return value;
            }

            Error(line, token.Column, $"expected a whole number for the {what}, found \"{token.Text}\"");
            return null;
        }

        private int LineEnd(int line) => _lines[line - 1].TrimEnd().Length + 1;

        private void Error(int line, int column, string message) =>
            _diagnostics.Add(new Diagnostic(Severity.Error, DiagnosticCodes.PsplibFormat, message)
            {
                Location = new SourceLocation(sourceName, line, column),
            });

        private static List<Token> Tokens(string line)
        {
            var tokens = new List<Token>();
            var i = 0;
            while (i < line.Length)
            {
                while (i < line.Length && char.IsWhiteSpace(line[i]))
                {
                    i++;
                }

                var start = i;
                while (i < line.Length && !char.IsWhiteSpace(line[i]))
                {
                    i++;
                }

                if (i > start)
                {
                    tokens.Add(new Token(line[start..i], start + 1));
                }
            }

            return tokens;
        }
    }
}
