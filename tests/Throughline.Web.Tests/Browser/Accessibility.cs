using Microsoft.Playwright;

namespace Throughline.Web.Tests.Browser;

/// <summary>
/// Accessibility basics checked on a rendered page: every form control has a label, headings start at h1 and never
/// skip a level, every action is a real link or button (so it is reachable by keyboard; no positive tabindex), and
/// pressing Tab moves the focus onto the page.
/// </summary>
internal static class Accessibility
{
    private const string Script = """
        () => {
          const problems = [];
          for (const el of document.querySelectorAll('input, select, textarea')) {
            if (el.type === 'hidden') continue;
            const labelled = (el.id && document.querySelector(`label[for="${el.id}"]`)) || el.getAttribute('aria-label') || el.getAttribute('aria-labelledby') || el.closest('label');
            if (!labelled) problems.push(`unlabelled ${el.tagName.toLowerCase()} name=${el.name}`);
          }
          let previous = 0;
          for (const h of document.querySelectorAll('h1, h2, h3, h4, h5, h6')) {
            const level = Number(h.tagName[1]);
            if (level > previous + 1) problems.push(`heading h${level} "${h.textContent.trim()}" after h${previous}`);
            previous = level;
          }
          if (document.querySelectorAll('h1').length !== 1) problems.push(`${document.querySelectorAll('h1').length} h1 headings`);
          for (const a of document.querySelectorAll('a')) {
            if (!a.getAttribute('href')) problems.push(`link without href: ${a.textContent.trim()}`);
            if (!(a.textContent.trim() || a.getAttribute('aria-label'))) problems.push(`link without a name: ${a.getAttribute('href')}`);
          }
          for (const el of document.querySelectorAll('[onclick], [tabindex]')) {
            if (Number(el.getAttribute('tabindex')) > 0) problems.push(`positive tabindex on ${el.tagName}`);
            if (el.hasAttribute('onclick') && !['A', 'BUTTON'].includes(el.tagName)) problems.push(`click handler on ${el.tagName}`);
          }
          for (const b of document.querySelectorAll('button')) {
            if (!(b.textContent.trim() || b.getAttribute('aria-label'))) problems.push('button without a name');
          }
          return problems;
        }
        """;

    public static async Task<IReadOnlyList<string>> ProblemsAsync(IPage page)
    {
        var problems = (await page.EvaluateAsync<string[]>(Script)).ToList();
        await page.Keyboard.PressAsync("Tab");
        var focused = await page.EvaluateAsync<string>("() => document.activeElement ? document.activeElement.tagName : ''");
        if (focused is not ("A" or "BUTTON" or "INPUT" or "SELECT" or "TEXTAREA"))
        {
            problems.Add($"Tab focuses {focused}, not an action");
        }

        return problems;
    }
}
