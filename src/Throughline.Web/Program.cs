using Throughline.Web.Api;
using Throughline.Web.Auth;
using Throughline.Web.Hosting;
using Throughline.Web.Ui;

// `--no-demo` is ours, not a configuration key: take it out before the host parses the rest (`--urls` and friends).
var loadDemo = !args.Contains("--no-demo");
var builder = WebApplication.CreateBuilder([.. args.Where(a => a != "--no-demo")]);

builder.AddThroughlineStorage();
builder.AddThroughlineProxy();
builder.AddThroughlineAuth();
builder.AddThroughlineApi();
builder.AddThroughlineUi();
builder.AddThroughlineSecurityHeaders();
builder.AddThroughlineObservability();

var app = builder.Build();

app.UseThroughlineProxy();
app.UseThroughlineRequestLog();
app.UseThroughlineSecurityHeaders();
app.UseThroughlineApi();
app.UseStoreBusyAnswers();
app.MapThroughlineHealth();
app.MapThroughlineApi();
app.MapThroughlineUi();

await app.PrepareDatabaseAsync(loadDemo);
await app.RunAsync();

/// <summary>The web host's entry point; public so that tests can start it with <c>WebApplicationFactory</c>.</summary>
public partial class Program;
