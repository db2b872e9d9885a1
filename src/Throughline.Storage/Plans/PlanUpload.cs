using Throughline.Interop.Mspdi;
using Throughline.Interop.Plan;

namespace Throughline.Storage.Plans;

/// <summary>
/// An uploaded file read as a whole plan, the same way for the API's import and the upload page: Microsoft Project
/// XML or a plan file; either every row, or no rows and every error keyed <c>file:line:col</c>.
/// </summary>
public sealed record PlanUpload(PlanRows? Rows, Dictionary<string, string[]> Errors, bool IsMspdi)
{
    public static PlanUpload Read(string text, string fileName, bool mspdi)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (mspdi)
        {
            var read = MspdiReader.ReadString(text, fileName);
            return read.Document?.Program is { } imported && !read.Diagnostics.Any(d => d.IsError)
                ? new PlanUpload(PlanRows.FromProgram(imported), [], true)
                : new PlanUpload(null, PlanErrors.All(read.Diagnostics), true);
        }

        var plan = PlanReader.Read(text, fileName);
        return plan.Program is { } program && !plan.HasErrors
            ? new PlanUpload(PlanRows.FromProgram(program), [], false)
            : new PlanUpload(null, PlanErrors.All(plan.Diagnostics), false);
    }
}
