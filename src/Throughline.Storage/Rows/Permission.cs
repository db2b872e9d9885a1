namespace Throughline.Storage.Rows;

/// <summary>What a member may do in a program; each level includes the ones below it.</summary>
public enum Permission
{
    /// <summary>Reads everything in the program.</summary>
    Viewer = 1,

    /// <summary>Also changes the plan, takes baselines and imports.</summary>
    Editor = 2,

    /// <summary>Also manages members and deletes the program.</summary>
    Owner = 3,
}
