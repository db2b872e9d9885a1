using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Throughline.Storage;

namespace Throughline.Web.Auth;

/// <summary>
/// The data-protection keys (they sign and encrypt session cookies and anti-forgery tokens) live in the database
/// table <c>data_protection_keys</c> through the framework's EF Core store, so every instance uses the same keys.
/// They are encrypted at rest when <c>DataProtection:Certificate:Path</c> names a PKCS#12 file (with
/// <c>DataProtection:Certificate:Password</c>): then someone who reads the database cannot forge a cookie without the
/// certificate too. Without it the keys are stored in clear (docs/server.md, "Security").
/// </summary>
public static class KeyProtection
{
    public static WebApplicationBuilder AddThroughlineDataProtection(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var keys = builder.Services.AddDataProtection()
            .SetApplicationName("Throughline")
            .PersistKeysToDbContext<ThroughlineDb>();
        if (builder.Configuration["DataProtection:Certificate:Path"] is { Length: > 0 } path)
        {
            var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, builder.Configuration["DataProtection:Certificate:Password"]);
            keys.ProtectKeysWithCertificate(certificate);
        }

        return builder;
    }
}
