using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Throughline.Storage;

namespace Throughline.Web.Tests.Auth;

/// <summary>What is kept on disk is kept from other local users and, where configured, encrypted (#14, finding 5).</summary>
public sealed class KeyStorageTests
{
    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task The_sqlite_database_file_is_readable_and_writable_by_its_owner_only()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "Unix file modes");
        await using var database = await ServerDatabase.CreateAsync("sqlite");
        await using var server = new ThroughlineServer(database);
        await server.AdminAsync();
        var file = new SqliteConnectionStringBuilder(database.ConnectionString).DataSource;

        File.GetUnixFileMode(file).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        foreach (var companion in new[] { file + "-wal", file + "-shm" }.Where(File.Exists))
        {
            File.GetUnixFileMode(companion).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite, companion);
        }
    }

    [Theory]
    [MemberData(nameof(ServerDatabase.Providers), MemberType = typeof(ServerDatabase))]
    public async Task Data_protection_keys_are_encrypted_in_the_database_when_a_certificate_is_configured(string provider)
    {
        await using var database = await ServerDatabase.CreateAsync(provider);
        var folder = Directory.CreateTempSubdirectory("throughline-keys-");
        try
        {
            var pfx = Path.Combine(folder.FullName, "keys.pfx");
            using (var rsa = RSA.Create(2048))
            {
                var request = new CertificateRequest("CN=throughline-keys", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
                using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
                await File.WriteAllBytesAsync(pfx, certificate.Export(X509ContentType.Pkcs12, "secret"), TestContext.Current.CancellationToken);
            }

            void WithCertificate(IWebHostBuilder builder)
            {
                builder.UseSetting("DataProtection:Certificate:Path", pfx);
                builder.UseSetting("DataProtection:Certificate:Password", "secret");
            }

            await using var first = new ThroughlineServer(database, configure: WithCertificate);
            await using var second = new ThroughlineServer(database, configure: WithCertificate);
            var session = await CookieSession.SignInAsync(first, "admin", ThroughlineServer.AdminPassword);
            var onSecond = new CookieSession(second.CreateClient(), session.Cookie);

            await using var scope = first.Services.CreateAsyncScope();
            var keys = await scope.ServiceProvider.GetRequiredService<ThroughlineDb>().DataProtectionKeys.AsNoTracking().Select(k => k.Xml!).ToListAsync(TestContext.Current.CancellationToken);

            keys.ShouldNotBeEmpty();
            keys.ShouldAllBe(xml => xml.Contains("encryptedSecret", StringComparison.Ordinal) && !xml.Contains("unencrypted form", StringComparison.Ordinal));
            (await onSecond.GetAsync("/api/programs")).ShouldBe(HttpStatusCode.OK);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
