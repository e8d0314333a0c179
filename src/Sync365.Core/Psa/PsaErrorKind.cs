namespace Sync365.Core.Psa
{
    /// <summary>What went wrong, in the terms a person fixes it by.</summary>
    public enum PsaErrorKind
    {
        Unknown,
        Configuration,
        Network,
        Authentication,
        Authorization,
        NotFound,
        Validation,
        Conflict,
        RateLimited,
        Server,
        Cancelled,
    }
}
