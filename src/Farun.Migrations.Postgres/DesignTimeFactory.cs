using Farun.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Farun.Migrations.Postgres;

/// <summary>Used only by dotnet-ef to generate this provider's migrations; the connection is never opened.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<FarunDbContext>
{
    public FarunDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<FarunDbContext>()
            .UseNpgsql("Host=localhost;Database=farun_design", b => b.MigrationsAssembly(typeof(DesignTimeFactory).Assembly.GetName().Name))
            .Options;
        return new FarunDbContext(options);
    }
}
