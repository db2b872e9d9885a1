namespace Throughline.Storage.Rows;

/// <summary>An ASP.NET Core data-protection key; in the database so every app instance signs and reads the same cookies.</summary>
public sealed class DataProtectionKeyRow
{
    public long Id { get; set; }

    public string FriendlyName { get; set; } = "";

    public string Xml { get; set; } = "";
}
