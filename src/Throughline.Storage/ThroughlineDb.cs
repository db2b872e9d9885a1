using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Throughline.Storage.Rows;

namespace Throughline.Storage;

/// <summary>
/// The server's database. The model is the same on every provider; each provider has its own subclass
/// (<see cref="SqliteThroughlineDb"/>, <see cref="PostgresThroughlineDb"/>) only so that each has its own migrations.
/// </summary>
public abstract class ThroughlineDb(DbContextOptions options) : DbContext(options), IDataProtectionKeyContext
{
    public DbSet<ProgramRow> Programs => Set<ProgramRow>();

    public DbSet<ObjectiveRow> Objectives => Set<ObjectiveRow>();

    public DbSet<TeamRow> Teams => Set<TeamRow>();

    public DbSet<PersonRow> People => Set<PersonRow>();

    public DbSet<ProjectRow> Projects => Set<ProjectRow>();

    public DbSet<WorkItemRow> WorkItems => Set<WorkItemRow>();

    public DbSet<DependencyRow> Dependencies => Set<DependencyRow>();

    public DbSet<RiskRow> Risks => Set<RiskRow>();

    public DbSet<DecisionRow> Decisions => Set<DecisionRow>();

    public DbSet<BudgetLineRow> BudgetLines => Set<BudgetLineRow>();

    public DbSet<UserRow> Users => Set<UserRow>();

    public DbSet<ApiTokenRow> ApiTokens => Set<ApiTokenRow>();

    public DbSet<MembershipRow> Memberships => Set<MembershipRow>();

    public DbSet<ChangeRow> Changes => Set<ChangeRow>();

    public DbSet<BaselineRow> Baselines => Set<BaselineRow>();

    public DbSet<SessionRow> Sessions => Set<SessionRow>();

    public DbSet<LoginFailureRow> LoginFailures => Set<LoginFailureRow>();

    /// <summary>ASP.NET Core data-protection keys (cookies, anti-forgery), shared by every instance.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);

        // Instants are UTC; SQLite hands them back without a kind, and PostgreSQL's timestamptz insists on one.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcConverter>();
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);

        modelBuilder.Entity<ProgramRow>(e =>
        {
            e.ToTable("programs");
            e.HasIndex(p => p.Key).IsUnique();
            e.Property(p => p.Key).HasMaxLength(200);
            e.Property(p => p.Name).HasMaxLength(500);
            e.Property(p => p.Version).IsConcurrencyToken();
        });

        PlanEntity<ObjectiveRow>(modelBuilder, "objectives");
        PlanEntity<TeamRow>(modelBuilder, "teams");
        PlanEntity<PersonRow>(modelBuilder, "people");
        PlanEntity<ProjectRow>(modelBuilder, "projects");
        PlanEntity<RiskRow>(modelBuilder, "risks");
        PlanEntity<DecisionRow>(modelBuilder, "decisions");
        PlanEntity<WorkItemRow>(modelBuilder, "work_items").HasIndex(w => new { w.ProgramId, w.ProjectKey });
        PlanEntity<DependencyRow>(modelBuilder, "dependencies").HasIndex(d => new { d.ProgramId, d.SuccessorKey });
        PlanEntity<BudgetLineRow>(modelBuilder, "budget_lines");

        modelBuilder.Entity<UserRow>(e =>
        {
            e.ToTable("users");
            e.HasIndex(u => u.UserName).IsUnique();
            e.Property(u => u.UserName).HasMaxLength(100);
        });

        modelBuilder.Entity<ApiTokenRow>(e =>
        {
            e.ToTable("api_tokens");
            e.HasIndex(t => t.Hash).IsUnique();
            e.HasIndex(t => t.UserId);
            e.Property(t => t.Hash).HasMaxLength(64);
            e.HasOne<UserRow>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<MembershipRow>(e =>
        {
            e.ToTable("memberships");
            e.HasIndex(m => new { m.ProgramId, m.UserId }).IsUnique();
            e.HasIndex(m => m.UserId);
            e.Property(m => m.Role).HasConversion<string>().HasMaxLength(40);
            e.Property(m => m.Version).IsConcurrencyToken();
            e.HasOne<ProgramRow>().WithMany().HasForeignKey(m => m.ProgramId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<UserRow>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<ChangeRow>(e =>
        {
            e.ToTable("changes");
            e.HasIndex(c => new { c.ProgramId, c.Id });
            e.HasOne<ProgramRow>().WithMany().HasForeignKey(c => c.ProgramId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<BaselineRow>(e =>
        {
            e.ToTable("baselines");
            e.HasIndex(b => new { b.ProgramId, b.Name }).IsUnique();
            e.Property(b => b.Name).HasMaxLength(200);
            e.HasOne<ProgramRow>().WithMany().HasForeignKey(b => b.ProgramId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<SessionRow>(e =>
        {
            e.ToTable("sessions");
            e.HasIndex(s => s.Hash).IsUnique();
            e.HasIndex(s => s.UserId);
            e.Property(s => s.Hash).HasMaxLength(64);
            e.HasOne<UserRow>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<LoginFailureRow>(e =>
        {
            e.ToTable("login_failures");
            e.HasIndex(f => new { f.Key, f.At });
            e.HasIndex(f => f.At);
            e.Property(f => f.Key).HasMaxLength(200);
        });

        modelBuilder.Entity<DataProtectionKey>(e => e.ToTable("data_protection_keys"));
    }

    private static Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder<T> PlanEntity<T>(ModelBuilder modelBuilder, string table)
        where T : PlanEntityRow
    {
        var e = modelBuilder.Entity<T>();
        e.ToTable(table);
        e.HasIndex(r => new { r.ProgramId, r.Key }).IsUnique();
        e.Property(r => r.Key).HasMaxLength(200);
        e.Property(r => r.Version).IsConcurrencyToken();
        e.HasOne<ProgramRow>().WithMany().HasForeignKey(r => r.ProgramId).OnDelete(DeleteBehavior.Cascade);
        return e;
    }

    private sealed class UtcConverter() : ValueConverter<DateTime, DateTime>(v => v.ToUniversalTime(), v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
}
